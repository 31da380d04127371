package uk.gov.dps.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text tables with aligned columns, and money written the way a council officer reads it. */
final class TextTable {

    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<Integer> maxWidths = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** A left-aligned column (text), at most {@code maxWidth} characters wide (longer text is cut with "…"). */
    TextTable left(String header, int maxWidth) {
        headers.add(header);
        rightAligned.add(false);
        maxWidths.add(maxWidth);
        return this;
    }

    /** A right-aligned column (numbers, money). */
    TextTable right(String header) {
        headers.add(header);
        rightAligned.add(true);
        maxWidths.add(Integer.MAX_VALUE);
        return this;
    }

    TextTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String cell = i < cells.length && cells[i] != null ? String.valueOf(cells[i]) : "";
            int max = maxWidths.get(i);
            row.add(cell.length() > max ? cell.substring(0, max - 1) + "…" : cell);
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, each line indented by {@code indent} spaces, columns two spaces apart. */
    String render(int indent) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, headers, widths, indent);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(text, rule, widths, indent);
        rows.forEach(row -> line(text, row, widths, indent));
        return text.toString();
    }

    private void line(StringBuilder text, List<String> cells, int[] widths, int indent) {
        StringBuilder line = new StringBuilder(" ".repeat(indent));
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(rightAligned.get(i) ? pad + cell : cell + pad);
            if (i < cells.size() - 1) {
                line.append("  ");
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    // --- money and shares ------------------------------------------------------------------------------------

    private static final DecimalFormatSymbols UK = DecimalFormatSymbols.getInstance(Locale.UK);

    /** £9,000,000 — whole pounds, halves up; "-" when unknown. */
    static String pounds(BigDecimal amount) {
        if (amount == null) {
            return "-";
        }
        return sign(amount) + "£" + new DecimalFormat("#,##0", UK).format(amount.abs().setScale(0, RoundingMode.HALF_UP));
    }

    /** £2,531.00 — pounds and pence; "-" when unknown. */
    static String poundsAndPence(BigDecimal amount) {
        if (amount == null) {
            return "-";
        }
        return sign(amount) + "£" + new DecimalFormat("#,##0.00", UK).format(amount.abs().setScale(2, RoundingMode.HALF_UP));
    }

    /** £9.0m, £850k — for sentences. */
    static String short_(BigDecimal amount) {
        if (amount == null) {
            return "-";
        }
        BigDecimal abs = amount.abs();
        if (abs.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            return sign(amount) + "£" + abs.movePointLeft(6).setScale(1, RoundingMode.HALF_UP).toPlainString() + "m";
        }
        if (abs.compareTo(BigDecimal.valueOf(1_000)) >= 0) {
            return sign(amount) + "£" + abs.movePointLeft(3).setScale(0, RoundingMode.HALF_UP).toPlainString() + "k";
        }
        return pounds(amount);
    }

    /** 105.9% — one decimal; "-" when unknown. */
    static String percent(BigDecimal value) {
        return value == null ? "-" : value.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** {@code part} as a share of {@code whole}, in percent with one decimal; null when the whole is zero. */
    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }

    private static String sign(BigDecimal amount) {
        return amount.signum() < 0 ? "-" : "";
    }
}
