/**
 * Moshi classes for Tencent's DescribeTaskDetail response, with field names exactly as on the wire
 * (query-api.md §2–5). Every field is optional: absent, {@code null} and {@code ""} all read as null,
 * and unknown keys are skipped. The {@code WireCreate*} classes are the create endpoints' snake_case
 * request bodies and their answer.
 */
package dev.aigcdesk.api.wire;
