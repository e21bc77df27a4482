package com.creditdesk.command.terms;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.terms.TermsCommands.AgreePaymentTerms;
import com.creditdesk.api.terms.TermsCommands.DecidePaymentTerms;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsAgreed;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsRefused;
import com.creditdesk.api.terms.TermsStatus;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.refusal.Rule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Payment terms on their own: sales' margin of 15 days above the standard, credit's approval beyond it. */
class TermsNegotiationTest {
    private final TermsNegotiation terms = new TermsNegotiation();

    TermsNegotiationTest() {
        terms.evolve(new AccountOpened("C-1", "Bakkerij Peeters", Segment.SMB, "EUR", "sales1", Language.nl, "erp",
                null));
    }

    @Test
    void withinTheMarginTermsApplyAtOnceAndTheSameTermsAgainRecordNothing() {
        int standard = Segment.SMB.standardTermDays();
        terms.agree(agree(standard + 15), Segment.SMB).forEach(terms::evolve);
        assertThat(terms.daysInForce()).isEqualTo(standard + 15);
        assertThat(terms.agree(agree(standard + 15), Segment.SMB)).isEmpty();
        assertThat(terms.agreed(standard + 15).status()).isEqualTo(TermsStatus.IN_FORCE);
    }

    @Test
    void beyondTheMarginTermsWaitForCreditWhoMayRefuseThem() {
        int standard = Segment.SMB.standardTermDays();
        assertThat(terms.agree(agree(standard + 16), Segment.SMB)).singleElement()
                .isInstanceOfSatisfying(PaymentTermsAgreed.class,
                        agreed -> assertThat(agreed.status()).isEqualTo(TermsStatus.AWAITING_APPROVAL))
                .satisfies(terms::evolve);
        assertThat(terms.agreed(standard + 16).status()).isEqualTo(TermsStatus.AWAITING_APPROVAL);

        Object refused = terms.decide(new DecidePaymentTerms("C-1", false, "too long for this segment", "credit1"));
        assertThat(refused).isInstanceOfSatisfying(PaymentTermsRefused.class,
                event -> assertThat(event.daysInForce()).isEqualTo(standard));
        terms.evolve(refused);
        assertThat(terms.inForce().days()).isEqualTo(standard);
        assertThatThrownBy(() -> terms.decide(new DecidePaymentTerms("C-1", true, "again", "credit1")))
                .isInstanceOfSatisfying(Refusal.Violated.class,
                        refusal -> assertThat(refusal.rule()).isEqualTo(Rule.NO_TERMS_AWAITING_APPROVAL));
    }

    private static AgreePaymentTerms agree(int days) {
        return new AgreePaymentTerms("C-1", days, "seasonal business", "sales1");
    }
}
