package uk.gov.dps.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn on the server as SVG: each group (a budget line) has its bars (budget, committed,
 * forecast) and its threshold marks, on one scale that starts at 0 and ends at a round figure above the largest
 * value, so bars of different charts are read the same way. Only geometry here: the template draws it.
 */
public record BarChart(String title, String description, BigDecimal scaleMax, List<Tick> ticks, List<Group> groups,
        int width, int height) {

    /** Where the bars start (room for the group labels is above each group) and how wide they may be. */
    static final int LEFT = 10;
    static final int PLOT_WIDTH = 480;
    static final int TOP = 10;
    static final int BAR_HEIGHT = 18;
    static final int BAR_GAP = 4;
    static final int LABEL_HEIGHT = 24;
    static final int GROUP_GAP = 16;
    static final int AXIS_HEIGHT = 30;

    public record Tick(int x, BigDecimal value) {
    }

    public record Bar(String name, String colour, BigDecimal value, int y, int width) {

        /** Its figure, just after its end. */
        public int textX() {
            return LEFT + width + 6;
        }

        public int textY() {
            return y + 14;
        }
    }

    public record Mark(String name, String colour, int percent, BigDecimal value, int x, int y1, int y2) {
    }

    public record Group(String label, int labelY, List<Bar> bars, List<Mark> marks) {
    }

    /** One group's values before scaling. */
    public record Series(String label, List<Value> bars, List<Value> thresholds) {
    }

    public record Value(String name, String colour, BigDecimal amount, int percent) {
    }

    static BarChart of(String title, String description, List<Series> series) {
        BigDecimal largest = BigDecimal.ZERO;
        for (Series s : series) {
            for (Value v : s.bars()) {
                largest = largest.max(v.amount());
            }
            for (Value v : s.thresholds()) {
                largest = largest.max(v.amount());
            }
        }
        BigDecimal max = niceMax(largest);
        List<Group> groups = new ArrayList<>();
        int y = TOP;
        for (Series s : series) {
            int labelY = y + 16;
            y += LABEL_HEIGHT;
            int top = y;
            List<Bar> bars = new ArrayList<>();
            for (Value v : s.bars()) {
                bars.add(new Bar(v.name(), v.colour(), v.amount(), y, scale(v.amount(), max)));
                y += BAR_HEIGHT + BAR_GAP;
            }
            List<Mark> marks = new ArrayList<>();
            for (Value v : s.thresholds()) {
                marks.add(new Mark(v.name(), v.colour(), v.percent(), v.amount(), LEFT + scale(v.amount(), max), top - 2, y));
            }
            groups.add(new Group(s.label(), labelY, bars, marks));
            y += GROUP_GAP;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            BigDecimal value = max.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
            ticks.add(new Tick(LEFT + scale(value, max), value));
        }
        return new BarChart(title, description, max, ticks, groups, LEFT + PLOT_WIDTH + 230, y + AXIS_HEIGHT);
    }

    /** The width of a bar for {@code value} on a scale ending at {@code max} (never negative, never past the end). */
    static int scale(BigDecimal value, BigDecimal max) {
        if (max.signum() <= 0 || value.signum() <= 0) {
            return 0;
        }
        BigDecimal width = value.multiply(BigDecimal.valueOf(PLOT_WIDTH)).divide(max, 0, RoundingMode.HALF_UP);
        return Math.min(PLOT_WIDTH, width.intValue());
    }

    /** The round figure the axis ends at: 1, 2, 2.5 or 5 times a power of ten, at or above the largest value. */
    static BigDecimal niceMax(BigDecimal largest) {
        if (largest.signum() <= 0) {
            return BigDecimal.valueOf(1000);
        }
        BigDecimal power = BigDecimal.ONE;
        while (power.multiply(BigDecimal.TEN).compareTo(largest) < 0) {
            power = power.multiply(BigDecimal.TEN);
        }
        while (power.compareTo(largest) >= 0 && power.compareTo(BigDecimal.ONE) > 0) {
            power = power.divide(BigDecimal.TEN);
        }
        for (String step : List.of("1", "2", "2.5", "5", "10")) {
            BigDecimal candidate = power.multiply(new BigDecimal(step));
            if (candidate.compareTo(largest) >= 0) {
                return candidate.stripTrailingZeros().setScale(0, RoundingMode.UP);
            }
        }
        return power.multiply(BigDecimal.TEN);
    }

    /** The y of the axis line, below the last group. */
    public int axisY() {
        return height - AXIS_HEIGHT + 4;
    }

    public int tickLabelY() {
        return axisY() + 18;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return LEFT + PLOT_WIDTH;
    }
}
