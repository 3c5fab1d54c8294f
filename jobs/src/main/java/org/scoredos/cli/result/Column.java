package org.scoredos.cli.result;

/**
 * One column of a {@link ResultTable}: its name (the JSON field, the CSV header), its unit
 * (null for a flag, a count or a name), what it holds, an optional group (JSON nests the column
 * in an object of that name, CSV prefixes it: {@code first} + {@code freeEnergy} →
 * {@code firstFreeEnergy}) and how the text table shows it.
 */
public record Column(String name, String unit, String description, String group, Shown text) {
    /**
     * How the text table shows a column: its heading, the unit there with the factor that takes
     * the value to it (k_B/atom rather than eV/(K atom)), the printf pattern, and whether the
     * column is an error bar printed "± x" after the column before it (in that column's text unit).
     * A vector column with {@code each} labels spans one text column per element; without, it is
     * printed on its own line under the row. Null: not in the text table.
     */
    public record Shown(String label, String unit, double scale, String pattern, boolean plusMinus, java.util.List<String> each) {}

    public static Column of(String name, String unit, String description) {
        return new Column(name, unit, description, null, new Shown(name, unit, 1, null, false, null));
    }

    /** The text heading and number pattern, in the column's own unit. */
    public Column shown(String label, String pattern) {
        return new Column(name, unit, description, group, new Shown(label, unit, 1, pattern, false, null));
    }

    /** The text heading in another unit: the value times {@code scale}. */
    public Column shown(String label, String textUnit, double scale, String pattern) {
        return new Column(name, unit, description, group, new Shown(label, textUnit, scale, pattern, false, null));
    }

    /** An error bar: in the text table "± x" beside the column before it, in that column's text unit, headed "± label". */
    public Column plusMinus(String label, String pattern) {
        return new Column(name, unit, description, group, new Shown(label, null, 1, pattern, true, null));
    }

    /** A vector column as one text column per element, headed by {@code labels}, in the column's unit. */
    public Column shownEach(java.util.List<String> labels, String pattern) {
        return new Column(name, unit, description, group, new Shown(name, unit, 1, pattern, false, java.util.List.copyOf(labels)));
    }

    /** Left out of the text table (JSON and CSV keep it). */
    public Column notInText() {
        return new Column(name, unit, description, group, null);
    }

    public Column in(String group) {
        return new Column(name, unit, description, group, text);
    }

    /** The JSON path: "first.freeEnergy" for a grouped column. */
    public String path() {
        return group == null ? name : group + "." + name;
    }

    /** The CSV heading: "firstFreeEnergy" for a grouped column. */
    public String flatName() {
        return group == null ? name : group + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
