package org.aidline.api.architecture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which module owns which table, view and function, read from the modules' own migrations, and
 * what each module's SQL (its migrations and the SQL text in its Java sources) may name: its own
 * objects, and the views that a module before it publishes; never another module's table, never
 * a write, trigger, index or alteration on another module's object.
 */
final class SchemaOwnership {

    private static final Pattern CREATED = Pattern.compile(
            "\\bcreate\\s+(?:or\\s+replace\\s+)?(table|view|function)\\s+(?:if\\s+not\\s+exists\\s+)?(?:[a-z_]+\\.)?([a-z_][a-z0-9_]*)");
    private static final Pattern READ = Pattern.compile("\\b(?:from|join)\\s+(?:([a-z_]+)\\.)?([a-z_][a-z0-9_]*)");
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:insert\\s+into|update|delete\\s+from|alter\\s+table|references|truncate)\\s+(?:only\\s+)?(?:([a-z_]+)\\.)?([a-z_][a-z0-9_]*)");
    private static final Pattern ON = Pattern.compile(
            "\\bcreate\\s+(?:unique\\s+)?(?:index|trigger)\\s+[a-z0-9_]+\\s+(?:(?:after|before|instead\\s+of)\\s+[a-z\\s]+?\\s+)?on\\s+(?:([a-z_]+)\\.)?([a-z_][a-z0-9_]*)");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");

    /** A module's SQL: where it comes from, and its text. */
    record Source(String module, String origin, String sql) {
    }

    record Owned(String module, String kind) {
    }

    private final List<String> order;
    private final Map<String, Owned> owners = new HashMap<>();

    /** {@code order}: the modules, each allowed to read the views of those before it. */
    SchemaOwnership(List<String> order, List<Source> migrations) {
        this.order = order;
        for (Source migration : migrations) {
            Matcher created = CREATED.matcher(normalised(migration.sql()));
            while (created.find()) {
                owners.putIfAbsent(created.group(2), new Owned(migration.module(), created.group(1)));
            }
        }
    }

    Map<String, Owned> owners() {
        return Map.copyOf(owners);
    }

    /** Every object another module's SQL names wrongly, with where. */
    List<String> violations(List<Source> sources) {
        List<String> violations = new ArrayList<>();
        for (Source source : sources) {
            String sql = normalised(source.sql());
            for (String name : names(READ, sql)) {
                Owned owned = owners.get(name);
                if (owned != null && !owned.module().equals(source.module()) && !(owned.kind().equals("view") && before(owned.module(), source.module()))) {
                    violations.add(source.origin() + " (" + source.module() + ") reads " + owned.module() + "'s " + owned.kind() + " " + name
                            + (owned.kind().equals("view") ? " (a view of a later module)" : " (only published views may be read)"));
                }
            }
            for (Pattern change : List.of(WRITE, ON)) {
                for (String name : names(change, sql)) {
                    Owned owned = owners.get(name);
                    if (owned != null && !owned.module().equals(source.module())) {
                        violations.add(source.origin() + " (" + source.module() + ") writes, alters, indexes or triggers on "
                                + owned.module() + "'s " + owned.kind() + " " + name);
                    }
                }
            }
        }
        return violations;
    }

    /** Names that two modules' migrations both create. */
    List<String> duplicates(List<Source> migrations) {
        Map<String, String> first = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (Source migration : migrations) {
            Matcher created = CREATED.matcher(normalised(migration.sql()));
            while (created.find()) {
                String earlier = first.putIfAbsent(created.group(2), migration.module());
                if (earlier != null && !earlier.equals(migration.module())) {
                    duplicates.add(created.group(2) + " is created by " + earlier + " and " + migration.module());
                }
            }
        }
        return duplicates;
    }

    private boolean before(String owner, String reader) {
        return order.indexOf(owner) >= 0 && order.indexOf(owner) < order.indexOf(reader);
    }

    private static Set<String> names(Pattern pattern, String sql) {
        Set<String> names = new HashSet<>();
        Matcher matcher = pattern.matcher(sql);
        while (matcher.find()) {
            names.add(matcher.group(2));
        }
        return names;
    }

    private static String normalised(String sql) {
        return LINE_COMMENT.matcher(sql.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** The SQL a Java source holds: its text blocks and string literals (comments and code are not SQL). */
    static String sqlOf(String java) {
        StringBuilder sql = new StringBuilder();
        Matcher blocks = TEXT_BLOCK.matcher(java);
        while (blocks.find()) {
            sql.append(blocks.group(1)).append('\n');
        }
        Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(java).replaceAll(" "));
        while (strings.find()) {
            sql.append(strings.group(1)).append('\n');
        }
        return sql.toString();
    }
}
