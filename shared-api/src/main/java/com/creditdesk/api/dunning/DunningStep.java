package com.creditdesk.api.dunning;

import com.creditdesk.api.account.Segment;

import java.util.Map;
import java.util.Optional;

/**
 * The agreed follow-up flow: each step falls due a number of days after the invoice's due date,
 * depending on the customer's segment, and is carried out by the system, sales or credit.
 */
public enum DunningStep {
    REMINDER_1(Performer.SYSTEM, Map.of(Segment.SMB, 3, Segment.ENTERPRISE, 7, Segment.PUBLIC, 10)),
    REMINDER_2(Performer.SYSTEM, Map.of(Segment.SMB, 10, Segment.ENTERPRISE, 21, Segment.PUBLIC, 30)),
    CALL(Performer.SALES, Map.of(Segment.SMB, 15, Segment.ENTERPRISE, 30, Segment.PUBLIC, 45)),
    FORMAL_NOTICE(Performer.CREDIT, Map.of(Segment.SMB, 30, Segment.ENTERPRISE, 45, Segment.PUBLIC, 60)),
    COLLECTION_PROPOSAL(Performer.CREDIT, Map.of(Segment.SMB, 45, Segment.ENTERPRISE, 60, Segment.PUBLIC, 90));

    /** Who acts on a step: the system sends it, or a person gets a task. */
    public enum Performer { SYSTEM, SALES, CREDIT }

    private final Performer performer;
    private final Map<Segment, Integer> daysAfterDue;

    DunningStep(Performer performer, Map<Segment, Integer> daysAfterDue) {
        this.performer = performer;
        this.daysAfterDue = daysAfterDue;
    }

    public Performer performer() {
        return performer;
    }

    public int daysAfterDue(Segment segment) {
        return daysAfterDue.get(segment);
    }

    /** A message goes to the customer: the two reminders and the formal notice. */
    public boolean sendsMessage() {
        return this != CALL && this != COLLECTION_PROPOSAL;
    }

    /** A person acts on it, so it becomes a task in that person's worklist. */
    public boolean createsTask() {
        return performer != Performer.SYSTEM;
    }

    public static Optional<DunningStep> after(DunningStep reached) {
        int next = reached == null ? 0 : reached.ordinal() + 1;
        return next < values().length ? Optional.of(values()[next]) : Optional.empty();
    }
}
