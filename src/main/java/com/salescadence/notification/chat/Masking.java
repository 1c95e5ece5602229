package com.salescadence.notification.chat;

/**
 * A robot's credentials as an administrator sees them again: the webhook's token (every query value, and Feishu's hook
 * id, the last path segment) and the secret show only their last four characters.
 */
final class Masking {

    private static final int SHOWN = 4;

    private Masking() {
    }

    static String hint(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        return "\u2022\u2022\u2022\u2022" + (secret.length() > 2 * SHOWN ? secret.substring(secret.length() - SHOWN) : "");
    }

    static String webhook(String url) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        StringBuilder masked = new StringBuilder();
        int lastSlash = path.lastIndexOf('/');
        int schemeEnd = path.indexOf("://");
        if (lastSlash > schemeEnd + 2 && url.contains("/hook/")) {
            masked.append(path, 0, lastSlash + 1).append(hint(path.substring(lastSlash + 1)));
        } else {
            masked.append(path);
        }
        if (query >= 0) {
            masked.append('?');
            String[] pairs = url.substring(query + 1).split("&");
            for (int i = 0; i < pairs.length; i++) {
                int eq = pairs[i].indexOf('=');
                masked.append(i > 0 ? "&" : "").append(eq < 0 ? pairs[i] : pairs[i].substring(0, eq + 1) + hint(pairs[i].substring(eq + 1)));
            }
        }
        return masked.toString();
    }
}
