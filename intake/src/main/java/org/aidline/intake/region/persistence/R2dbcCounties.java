package org.aidline.intake.region.persistence;

import org.aidline.intake.region.Counties;
import org.aidline.intake.region.County;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/** Counties from the reference table. */
public class R2dbcCounties implements Counties {

    private final DatabaseClient database;

    public R2dbcCounties(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<County> all() {
        return database.sql("select code, name, name_zh from county order by code")
                .map((row, metadata) -> new County(row.get("code", String.class), row.get("name", String.class),
                        row.get("name_zh", String.class)))
                .all();
    }
}
