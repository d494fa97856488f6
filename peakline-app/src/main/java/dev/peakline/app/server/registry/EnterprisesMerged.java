package dev.peakline.app.server.registry;

/**
 * Published after a duplicate registration was merged into another and the transaction committed: what caches an
 * enterprise's meters or its gateways' tokens forgets both codes.
 *
 * @param from the merged (now removed) credit code
 * @param into the credit code that holds everything now
 */
public record EnterprisesMerged(String from, String into) {}
