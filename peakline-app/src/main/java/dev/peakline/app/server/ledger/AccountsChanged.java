package dev.peakline.app.server.ledger;

/**
 * Published after accounted results were written and committed: a month approved, a region recomputed. Views that
 * keep figures derived from the results (the dashboards) listen and forget them.
 *
 * @param why what changed, for the log ("approval", "recomputation")
 */
public record AccountsChanged(String why) {}
