package org.aidline.registry.disbursement.persistence;

/**
 * The statement that marks COMPLETED the running runs of a kind (its table: {@code campaign},
 * {@code payroll}) whose counties are all granted and whose bank batches are all answered for good.
 */
public final class RunCompletion {

    private RunCompletion() {
    }

    /** Binds {@code :now}. */
    public static String of(String runTable) {
        return """
                update %1$s r set status = 'COMPLETED', completed_at = :now, version = version + 1
                where r.status = 'RUNNING'
                  and not exists (select 1 from payout_unit u where u.run_id = r.id and u.status = 'PENDING')
                  and not exists (select 1 from payout_batch b where b.run_id = r.id and b.status <> 'DONE')
                """.formatted(runTable);
    }
}
