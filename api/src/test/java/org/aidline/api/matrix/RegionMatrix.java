package org.aidline.api.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aidline.api.matrix.MatrixWorld.Caller;
import org.aidline.api.matrix.MatrixWorld.Scope;
import org.jspecify.annotations.Nullable;

/** The expectations of src/test/resources/matrix/region-matrix.txt: per operation, per caller, own and other. */
record RegionMatrix(Map<String, Map<Caller, Map<Scope, Expected>>> rows) {

    static final String RESOURCE = "/matrix/region-matrix.txt";

    /** Whether the answer must show the scope's fixture, must not, or either. */
    enum Shows {
        ANY, YES, NO
    }

    /** A cell's expected status and what it shows. */
    record Expected(int status, Shows shows) {

        static @Nullable Expected parse(String value) {
            if (value.equals(".")) {
                return null;
            }
            Shows shows = value.endsWith("+") ? Shows.YES : value.endsWith("-") ? Shows.NO : Shows.ANY;
            return new Expected(Integer.parseInt(shows == Shows.ANY ? value : value.substring(0, value.length() - 1)), shows);
        }

        @Override
        public String toString() {
            return status + (shows == Shows.YES ? " showing it" : shows == Shows.NO ? " not showing it" : "");
        }
    }

    static RegionMatrix read() {
        try (InputStream in = RegionMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RegionMatrix parse(String text) {
        List<Caller> columns = null;
        Map<String, Map<Caller, Map<Scope, Expected>>> rows = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] words = trimmed.split("\\s+");
            if (words[0].equals("roles")) {
                columns = Arrays.stream(words).skip(1).map(Caller::valueOf).toList();
                if (columns.size() != Caller.values().length || columns.stream().distinct().count() != columns.size()) {
                    throw new IllegalStateException("The roles line must name every caller once: " + trimmed);
                }
                continue;
            }
            if (columns == null) {
                throw new IllegalStateException("The roles line comes before the rows");
            }
            if (words.length != 2 + columns.size()) {
                throw new IllegalStateException("Expected METHOD path and " + columns.size() + " cells: " + trimmed);
            }
            String operation = words[0] + " " + words[1];
            Map<Caller, Map<Scope, Expected>> row = new EnumMap<>(Caller.class);
            for (int i = 0; i < columns.size(); i++) {
                String[] ownOther = words[2 + i].split("/");
                if (ownOther.length != 2) {
                    throw new IllegalStateException("A cell is own/other, e.g. 200/404: " + words[2 + i] + " in " + operation);
                }
                Map<Scope, Expected> cells = new EnumMap<>(Scope.class);
                Expected own = Expected.parse(ownOther[0]);
                Expected other = Expected.parse(ownOther[1]);
                if (own == null) {
                    throw new IllegalStateException("The own cell always applies: " + operation);
                }
                cells.put(Scope.OWN, own);
                if (other != null) {
                    cells.put(Scope.OTHER, other);
                }
                row.put(columns.get(i), cells);
            }
            if (rows.put(operation, row) != null) {
                throw new IllegalStateException("Two rows for " + operation);
            }
        }
        return new RegionMatrix(rows);
    }

    List<String> operations() {
        return new ArrayList<>(rows.keySet());
    }
}
