package com.opensvc.aftersales.quality.alert;

import java.util.List;

/**
 * What an alert's transition caused: the alert as it now is, the failures it newly counted, the events to publish.
 */
record AlertChange(Alert alert, List<Alert.Occurrence> failures, List<AlertEvent> events) {
}
