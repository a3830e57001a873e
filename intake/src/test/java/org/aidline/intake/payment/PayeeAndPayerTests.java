package org.aidline.intake.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aidline.intake.money.Money;
import org.junit.jupiter.api.Test;

class PayeeAndPayerTests {

    @Test
    void thePayeeIsATokenOfTheFirstSixteenBytesOfTheHouseholdKey() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 17);
        }
        assertThat(PayeeAddress.of(key)).isEqualTo("token:00112233445566778899aabbccddeeff@aidline");
    }

    @Test
    void theCountysOwnTreasuryAccountPaysElseTheDefaultForTheCounty() {
        Treasury treasury = new Treasury(Map.of("640104", "xingqing-relief@icbc"), "treasury-{county}@nx-finance");
        assertThat(treasury.payerFor("640104")).isEqualTo("xingqing-relief@icbc");
        assertThat(treasury.payerFor("640522")).isEqualTo("treasury-640522@nx-finance");
    }

    @Test
    void recoveriesAreMarkedOnTheStatements() {
        Disbursement recovery = new Disbursement("r-1", "payer", "payee", Money.ofFen(60050), PaymentKind.RECOVERY);
        assertThat(recovery.note()).startsWith("recovery");
        assertThat(recovery.purpose()).isEqualTo("recovery");
        assertThat(new Disbursement("p-1", "payer", "payee", Money.ofFen(1), PaymentKind.PAYMENT).purpose()).isEqualTo("temporary-aid");
    }
}
