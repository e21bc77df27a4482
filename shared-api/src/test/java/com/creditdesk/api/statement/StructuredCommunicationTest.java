package com.creditdesk.api.statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StructuredCommunicationTest {

    @Test
    void checkDigitsAreTheNumberModulo97() {
        // 1234567890 = 97 × 12727504 + 2
        assertThat(StructuredCommunication.checkDigits(1234567890L)).isEqualTo(2);
        assertThat(StructuredCommunication.of(1234567890L).digits()).isEqualTo("123456789002");
    }

    @Test
    void aRemainderOfZeroGives97() {
        assertThat(StructuredCommunication.checkDigits(97L * 1000)).isEqualTo(97);
        assertThat(StructuredCommunication.of(97_000L).digits()).isEqualTo("000009700097");
    }

    @Test
    void isWrittenWithPlussesAndSlashes() {
        assertThat(StructuredCommunication.of(1234567890L).formatted()).isEqualTo("+++123/4567/89002+++");
        assertThat(StructuredCommunication.of(1L).formatted()).isEqualTo("+++000/0000/00101+++");
    }

    @Test
    void isReadWithOrWithoutPlussesAndSlashes() {
        StructuredCommunication ogm = StructuredCommunication.of(1234567890L);
        assertThat(StructuredCommunication.parse("+++123/4567/89002+++")).contains(ogm);
        assertThat(StructuredCommunication.parse("***123/4567/89002***")).contains(ogm);
        assertThat(StructuredCommunication.parse("123/4567/89002")).contains(ogm);
        assertThat(StructuredCommunication.parse(" 123456789002 ")).contains(ogm);
    }

    @Test
    void wrongCheckDigitsOrLengthAreNone() {
        assertThat(StructuredCommunication.parse("+++123/4567/89003+++")).isEmpty();
        assertThat(StructuredCommunication.parse("12345678900")).isEmpty();
        assertThat(StructuredCommunication.parse("invoice INV-1")).isEmpty();
        assertThat(StructuredCommunication.parse(null)).isEmpty();
        assertThatThrownBy(() -> new StructuredCommunication("123456789003"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StructuredCommunication.of(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isFoundInFreeText() {
        StructuredCommunication ogm = StructuredCommunication.of(1234567890L);
        assertThat(StructuredCommunication.findIn("betaling +++123/4567/89002+++ dank u")).contains(ogm);
        assertThat(StructuredCommunication.findIn("ref 123/4567/89002")).contains(ogm);
        assertThat(StructuredCommunication.findIn("ref 123456789003 then 123456789002")).contains(ogm);
        assertThat(StructuredCommunication.findIn("order 1234567890021")).isEmpty();
        assertThat(StructuredCommunication.findIn("INV-2026-0001")).isEmpty();
    }
}
