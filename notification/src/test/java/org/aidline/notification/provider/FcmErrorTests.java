package org.aidline.notification.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.aidline.notification.delivery.DeliveryOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FcmErrorTests {

    @ParameterizedTest
    @CsvSource({
            "UNREGISTERED, RETIRE_DEVICE",
            "SENDER_ID_MISMATCH, RETIRE_DEVICE",
            "INVALID_ARGUMENT, FAILED",
            "QUOTA_EXCEEDED, RETRY",
            "UNAVAILABLE, RETRY",
            "INTERNAL, RETRY",
            "THIRD_PARTY_AUTH_ERROR, RETRY",
            "SOMETHING_NEW, RETRY"})
    void eachErrorCodeDecidesTheMessagesFate(String code, DeliveryOutcome.Kind expected) {
        assertThat(FcmError.of(code).outcome("detail", null).kind()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"QUOTA_EXCEEDED", "UNAVAILABLE", "INTERNAL"})
    void overloadHonoursRetryAfter(String code) {
        assertThat(FcmError.of(code).outcome("detail", Duration.ofSeconds(30)).retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"UNREGISTERED\"}]}}|404|UNREGISTERED",
            "{\"error\":{\"code\":400,\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\"}]}}|400|INVALID_ARGUMENT",
            "<html>bad gateway</html>|502|UNAVAILABLE",
            "|429|QUOTA_EXCEEDED",
            "not json|400|INVALID_ARGUMENT"})
    void theErrorCodeIsReadFromTheFcmErrorDetailThenTheStatus(String body, int status, String expected) {
        assertThat(FcmPushSender.errorCode(body == null ? "" : body, status)).isEqualTo(expected);
    }
}
