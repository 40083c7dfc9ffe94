package dev.aigcdesk.store.s3;

import java.net.URI;

/**
 * A bucket on S3-compatible storage, as {@code team connect} takes it: {@code s3://BUCKET[/PREFIX]}, with
 * the endpoint of a store other than AWS (Tencent COS, MinIO), its region, and whether buckets are
 * addressed by path (MinIO and most self-hosted stores) rather than by host name.
 *
 * @param endpoint null for AWS itself
 */
public record S3Location(String bucket, String prefix, URI endpoint, String region, boolean pathStyle) {

    public S3Location {
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException(
                    "Not a bucket name: write the store as s3://BUCKET[/PREFIX] (lower-case letters, digits, dots, hyphens)");
        }
        prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        if (prefix.contains("..")) {
            throw new IllegalArgumentException("A store's prefix cannot climb out of the bucket: " + prefix);
        }
        region = region == null || region.isBlank() ? "us-east-1" : region.strip();
        if (endpoint != null
                && (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
                        || endpoint.getHost() == null)) {
            throw new IllegalArgumentException(
                    "The endpoint must be an http(s) address, such as https://cos.ap-guangzhou.myqcloud.com");
        }
    }

    /** Reads {@code s3://BUCKET[/PREFIX]}. */
    public static S3Location parse(String store, String endpoint, String region, boolean pathStyle) {
        String s = store == null ? "" : store.strip();
        if (!s.startsWith("s3://")) {
            throw new IllegalArgumentException("A team store is written s3://BUCKET[/PREFIX]");
        }
        String rest = s.substring(5);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        URI ep;
        try {
            ep = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "The endpoint must be an http(s) address, such as https://cos.ap-guangzhou.myqcloud.com");
        }
        return new S3Location(bucket, prefix, ep, region, pathStyle);
    }

    /** The object key of {@code relative} below the prefix. */
    String key(String relative) {
        return prefix.isEmpty() ? relative : prefix + "/" + relative;
    }

    /** As shown: {@code s3://bucket/prefix at endpoint}. */
    public String shown() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix) + (endpoint == null ? "" : " at " + endpoint);
    }
}
