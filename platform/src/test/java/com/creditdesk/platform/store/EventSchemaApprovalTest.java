package com.creditdesk.platform.store;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.Segment;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Approval tests on the stored form of every event: a changed field name, type or revision makes
 * this fail, so no schema change is ever silent. After a deliberate change, add an upcaster if old
 * events need one, then approve: {@code ./mvnw -pl platform test -Dtest=EventSchemaApprovalTest -Dapprove=true}.
 */
class EventSchemaApprovalTest {
    private static final Path APPROVED = Path.of("src/test/resources/approved-events");
    private static final Serializer SERIALIZER = new AxonMongoConfiguration().serializer();

    static Stream<Class<?>> eventTypes() {
        return EventSamples.eventTypes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void theStoredFormOfEachEventIsApproved(Class<?> type) throws IOException {
        Object sample = EventSamples.sample(type);
        SerializedObject<String> stored = SERIALIZER.serialize(sample, String.class);
        String actual = "revision: " + stored.getType().getRevision() + "\n"
                + stored.getData() + "\n";
        Path approved = APPROVED.resolve(type.getSimpleName() + ".json");
        if (Boolean.getBoolean("approve")) {
            Files.createDirectories(APPROVED);
            Files.writeString(approved, actual, StandardCharsets.UTF_8);
        }
        if (!Files.exists(approved)) {
            fail("no approved stored form for " + type.getName() + ": review it and approve with -Dapprove=true\n"
                    + actual);
        }
        assertThat(actual).as("stored form of " + type.getName()).isEqualTo(Files.readString(approved));
        Object roundTrip = SERIALIZER.deserialize(stored);
        assertThat(roundTrip).as("round trip").isEqualTo(sample);
    }

    /** Revision 2 of AccountOpened added an optional e-mail address: revision 1 still loads, without one. */
    @Test
    void anAccountOpenedBeforeItHadAnEmailAddressStillLoads() {
        String stored = "{\"customerId\":\"C-1\",\"name\":\"Bakkerij Peeters\",\"segment\":\"SMB\","
                + "\"currency\":\"EUR\",\"accountManager\":\"sales1\",\"language\":\"nl\",\"actor\":\"erp\"}";
        Object loaded = SERIALIZER.deserialize(
                new SimpleSerializedObject<>(stored, String.class, AccountOpened.class.getName(), "1"));
        assertThat(loaded).isEqualTo(new AccountOpened("C-1", "Bakkerij Peeters", Segment.SMB, "EUR", "sales1",
                Language.nl, "erp", null));
    }
}
