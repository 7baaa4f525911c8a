package io.duban.command.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bodies the import knows by name: the 自治区 government's departments and agencies, the party and mass bodies
 * that documents make responsible, the regional offices of central bodies, state-owned enterprises and the 盟市
 * governments, each with the spellings documents use. Read from the bundled {@value #BUNDLED} and, optionally, the
 * office's own file in the same format, which may add bodies or further aliases of listed ones.
 *
 * <p>Every file is validated as a whole; any problem throws a {@link UnitListFileException} listing every bad line, so
 * a broken list stops start-up instead of silently splitting one body into two units.
 */
public final class KnownUnits {

    static final String BUNDLED = "/catalog/units-nmg.csv";
    static final String REGION = "自治区";
    private static final String REGION_FULL = "内蒙古自治区";
    private static final String HEADER = "canonical,kind,aliases";

    private static volatile KnownUnits bundled;

    private final Map<String, KnownUnit> units;          // by canonical name, in file order
    private final Map<String, String> canonicalBySpelling;

    private KnownUnits(Map<String, KnownUnit> units, Map<String, String> canonicalBySpelling) {
        this.units = units;
        this.canonicalBySpelling = canonicalBySpelling;
    }

    /** The bundled list alone (read once; it is part of the code and is tested). */
    public static KnownUnits bundled() {
        KnownUnits list = bundled;
        if (list == null) {
            try (InputStream in = KnownUnits.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is not on the classpath");
                }
                list = read(List.of(new Source("classpath:" + BUNDLED, in)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = list;
        }
        return list;
    }

    /** A named UTF-8 stream in the unit list format. */
    public record Source(String name, InputStream in) {
    }

    /** Reads the files in order; a later file may add aliases to a body an earlier one listed. */
    public static KnownUnits read(List<Source> sources) {
        Map<String, KnownUnit> units = new LinkedHashMap<>();
        Map<String, String> bySpelling = new HashMap<>();
        for (Source source : sources) {
            List<String> problems = new ArrayList<>();
            List<String> lines = lines(source);
            boolean headerSeen = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String where = "line " + (i + 1) + " (" + line + ")";
                if (!headerSeen) {
                    headerSeen = true;
                    if (line.equals(HEADER)) {
                        continue;
                    }
                }
                String[] fields = line.split(",", -1);
                if (fields.length != 3) {
                    problems.add(where + ": expected 3 comma-separated fields: " + HEADER);
                    continue;
                }
                String canonical = spelling(fields[0]);
                Optional<UnitKind> kind = UnitKind.ofLabel(fields[1].strip());
                if (canonical.isEmpty()) {
                    problems.add(where + ": the canonical name is empty");
                    continue;
                }
                if (kind.isEmpty()) {
                    problems.add(where + ": unknown kind '" + fields[1].strip() + "'");
                    continue;
                }
                List<String> aliases = new ArrayList<>();
                for (String alias : fields[2].split("\\|")) {
                    if (!spelling(alias).isEmpty()) {
                        aliases.add(spelling(alias));
                    }
                }
                add(units, bySpelling, new KnownUnit(canonical, kind.get(), aliases), where, problems);
            }
            if (!problems.isEmpty()) {
                throw new UnitListFileException(source.name(), problems);
            }
        }
        return new KnownUnits(units, bySpelling);
    }

    private static void add(Map<String, KnownUnit> units, Map<String, String> bySpelling, KnownUnit unit,
                            String where, List<String> problems) {
        KnownUnit existing = units.get(unit.canonicalName());
        if (existing != null && existing.kind() != unit.kind()) {
            problems.add(where + ": " + unit.canonicalName() + " is already listed as " + existing.kind().label());
            return;
        }
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(unit.canonicalName());
        spellings.addAll(unit.aliases());
        for (String spelling : List.copyOf(spellings)) {
            if (spelling.startsWith(REGION)) {
                spellings.add("内蒙古" + spelling);
            }
        }
        for (String spelling : spellings) {
            String owner = bySpelling.get(spelling);
            if (owner != null && !owner.equals(unit.canonicalName())) {
                problems.add(where + ": '" + spelling + "' already names " + owner);
                return;
            }
        }
        spellings.forEach(s -> bySpelling.put(s, unit.canonicalName()));
        List<String> aliases = new ArrayList<>(existing == null ? List.of() : existing.aliases());
        unit.aliases().stream().filter(a -> !aliases.contains(a)).forEach(aliases::add);
        units.put(unit.canonicalName(), new KnownUnit(unit.canonicalName(), unit.kind(), aliases));
    }

    /** The body a document's spelling names, when the list knows it (内蒙古自治区财政厅 and 自治区财政厅 alike). */
    public Optional<KnownUnit> find(String name) {
        String canonical = canonicalBySpelling.get(spelling(name));
        return canonical == null ? Optional.empty() : Optional.of(units.get(canonical));
    }

    /** The body a short form names when it inherits the 自治区 prefix (科技厅 → 自治区科技厅). */
    Optional<KnownUnit> findWithRegionPrefix(String shortForm) {
        String name = spelling(shortForm);
        if (name.startsWith(REGION) || name.startsWith(REGION_FULL)) {
            return Optional.empty();
        }
        return find(REGION + name);
    }

    public Collection<KnownUnit> all() {
        return units.values();
    }

    public int size() {
        return units.size();
    }

    /** Whitespace is layout and ASCII parentheses are a converter's; neither tells two bodies apart. */
    static String spelling(String name) {
        return ChineseWhitespace.removeAll(name).replace('(', '（').replace(')', '）');
    }

    private static List<String> lines(Source source) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(source.in(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>(reader.lines().toList());
            if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
                lines.set(0, lines.get(0).substring(1));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the unit list " + source.name(), e);
        }
    }

    @Override
    public String toString() {
        return "unit list of " + units.size() + " bodies";
    }
}
