package com.creditdesk.command.refusal;

import org.axonframework.common.AxonNonTransientException;

/**
 * The domain refused a command; nothing was recorded. Non-transient, so the gateway's retry of
 * concurrency conflicts never repeats it. The web layer maps each kind to its status in one place.
 */
public abstract sealed class Refusal extends AxonNonTransientException
        permits Refusal.Violated, Refusal.NotFound, Refusal.InvalidInput, Refusal.FourEyes {

    private Refusal(String message) {
        super(message);
    }

    public static Violated violated(Rule rule, String message) {
        return new Violated(rule, message);
    }

    public static Violated idConflict(String kind, String id) {
        return new Violated(Rule.ID_CONFLICT,
                kind + " " + id + " was already recorded with other content; the same id needs the same content");
    }

    public static NotFound notFound(String kind, String id) {
        return new NotFound("no " + kind + " " + id + " on this account");
    }

    public static InvalidInput invalid(String field, String message) {
        return new InvalidInput(field, message);
    }

    public static FourEyes fourEyes(String message) {
        return new FourEyes(message);
    }

    /** A rule of the domain forbids it. */
    public static final class Violated extends Refusal {
        private final Rule rule;

        private Violated(Rule rule, String message) {
            super(message);
            this.rule = rule;
        }

        public Rule rule() {
            return rule;
        }
    }

    /** The item on the account does not exist. */
    public static final class NotFound extends Refusal {
        private NotFound(String message) {
            super(message);
        }
    }

    /** Well-formed input that this account cannot take, such as another currency; {@code field} names it. */
    public static final class InvalidInput extends Refusal {
        private final String field;

        private InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The same person may not both ask and decide, or approve twice. */
    public static final class FourEyes extends Refusal {
        private FourEyes(String message) {
            super(message);
        }
    }
}
