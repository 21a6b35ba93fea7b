package org.ordo.privacy.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of privacy ({@code ordo.privacy.*}).
 *
 * @param invoiceRetentionYears how long an issued invoice or credit note is kept unaltered as a tax document; an erasure
 *                              leaves the documents issued within these years as they are
 */
@ConfigurationProperties("ordo.privacy")
public record PrivacyProperties(@DefaultValue("10") int invoiceRetentionYears) {}
