package dev.peakline.app.server.security;

/** Gateway (接入端) tokens: {@code plg_} and 64 hex digits, stored as SHA-256, each scoped to one enterprise. */
public final class GatewayTokens {
    public static final String PREFIX = "plg_";

    private GatewayTokens() {}

    public static String newToken() {
        return Accounts.newToken(PREFIX);
    }
}
