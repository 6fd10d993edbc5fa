package com.opensvc.aftersales.parts.loan;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PRT-01: how parts requests are issued.
 *
 * @param autoApprovalLimit  a request whose value (Σ quantity × catalogue unit price, in the catalogue's currency)
 *                           is above this waits, reserved, for the storekeeper's approval; default 3000
 * @param autoApprovalLimits per-store overrides of the limit (keys in brackets in YAML: {@code "[STORE-NORTH]": 5000})
 * @param partial            WAIT_FOR_ALL (default): nothing issues until every line is there, the available lines
 *                           stay reserved; ISSUE_AVAILABLE: the available lines issue now, the rest is back-ordered
 */
@ConfigurationProperties("aftersales.parts.issue")
public record IssueProperties(@DefaultValue("3000") BigDecimal autoApprovalLimit,
                              @DefaultValue Map<String, BigDecimal> autoApprovalLimits,
                              @DefaultValue("WAIT_FOR_ALL") PartialIssue partial) {

    public enum PartialIssue {
        WAIT_FOR_ALL, ISSUE_AVAILABLE
    }

    public IssueProperties {
        if (autoApprovalLimit.signum() < 0) {
            throw new IllegalArgumentException("aftersales.parts.issue.auto-approval-limit must not be negative, was "
                    + autoApprovalLimit);
        }
        autoApprovalLimits = Map.copyOf(autoApprovalLimits);
    }

    /** The limit at {@code location}: its override, or the default. */
    BigDecimal autoApprovalLimit(String location) {
        return autoApprovalLimits.getOrDefault(location, autoApprovalLimit);
    }
}
