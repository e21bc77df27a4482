package com.creditdesk.command.common;

import org.axonframework.common.AxonNonTransientException;

/**
 * The domain refused a command; nothing was recorded. Non-transient, so the gateway's retry of
 * concurrency conflicts never repeats it.
 */
public abstract sealed class CommandRefused extends AxonNonTransientException
        permits CommandRefused.RuleViolated, CommandRefused.NotFound, CommandRefused.InvalidInput,
        CommandRefused.FourEyes {

    protected CommandRefused(String message) {
        super(message);
    }

    /** A rule of the domain forbids it ({@code 409}); {@code rule} names the rule. */
    public static final class RuleViolated extends CommandRefused {
        private final String rule;

        public RuleViolated(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }

        /** The same id was used before with other content. */
        public static RuleViolated idConflict(String kind, String id) {
            return new RuleViolated("ID_CONFLICT",
                    kind + " " + id + " was already recorded with other content; the same id needs the same content");
        }
    }

    /** The account or an item on it does not exist ({@code 404}). */
    public static final class NotFound extends CommandRefused {
        public NotFound(String kind, String id) {
            super("no " + kind + " " + id + " on this account");
        }
    }

    /** Well-formed input that this account cannot take, such as another currency ({@code 400}). */
    public static final class InvalidInput extends CommandRefused {
        private final String field;

        public InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The same person may not both ask and decide ({@code 403}). */
    public static final class FourEyes extends CommandRefused {
        public FourEyes(String message) {
            super(message);
        }
    }
}
