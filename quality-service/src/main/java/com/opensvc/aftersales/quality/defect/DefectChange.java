package com.opensvc.aftersales.quality.defect;

import java.util.List;

/**
 * What a transition of a defect record caused: the record as it now is ({@code created} when it was just made), its
 * history line and the events to publish. {@link DefectRepository#save} writes all of it in the caller's transaction.
 */
record DefectChange(Defect defect, boolean created, DefectHistory history, List<DefectEvent> events) {
}
