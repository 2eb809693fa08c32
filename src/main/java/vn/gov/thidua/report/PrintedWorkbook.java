package vn.gov.thidua.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * An .xlsx laid out as the Board prints its lists: the issuing agency and the national motto over a title block, a
 * bold bordered header row repeated on every printed page and frozen on screen, an STT column, columns as wide as
 * their content, A4 fitted to the page width, page numbers in the footer, all in Times New Roman. Rows are streamed
 * (SXSSF), so a list of thousands of units stays small in memory.
 */
final class PrintedWorkbook {

    static final String FONT = "Times New Roman";
    private static final int MIN_WIDTH = 6;
    private static final int STT_WIDTH = 6;
    private static final int ROWS_IN_MEMORY = 200;

    /** The block above the table: who issues it, the place and date line, the title and the lines under it. */
    record Heading(String issuerAbove, String issuer, String placeAndDate, String title, List<String> subtitles) {
    }

    /** A column: its header and the widest it may grow (in characters) before its text wraps. */
    record Column(String header, int maxWidth) {
    }

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final CellStyle plain;
    private final CellStyle bold;
    private final CellStyle italic;
    private final CellStyle title;
    private final CellStyle subtitle;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle number;
    private final CellStyle emptyNote;

    PrintedWorkbook() {
        // the default font sets Excel's column width unit and the look of empty cells
        XSSFFont defaultFont = workbook.getXSSFWorkbook().getFontAt(0);
        defaultFont.setFontName(FONT);
        defaultFont.setFontHeightInPoints((short) 12);
        plain = style(font(false, false, 12), HorizontalAlignment.CENTER, true);
        bold = style(font(true, false, 12), HorizontalAlignment.CENTER, true);
        italic = style(font(false, true, 12), HorizontalAlignment.CENTER, true);
        title = style(font(true, false, 14), HorizontalAlignment.CENTER, true);
        subtitle = style(font(true, false, 12), HorizontalAlignment.CENTER, true);
        header = bordered(style(font(true, false, 12), HorizontalAlignment.CENTER, true));
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = bordered(style(font(false, false, 12), HorizontalAlignment.LEFT, true));
        number = bordered(style(font(false, false, 12), HorizontalAlignment.CENTER, false));
        emptyNote = bordered(style(font(false, true, 12), HorizontalAlignment.CENTER, true));
    }

    /**
     * Adds a sheet: the heading, then a header row of STT and {@code columns}, then one numbered row per entry of
     * {@code rows} (numbers stay numbers, everything else is written as text).
     */
    void sheet(String name, Heading heading, boolean landscape, List<Column> columns, List<List<Object>> rows) {
        sheet(name, heading, landscape, null, columns, rows);
    }

    /**
     * As above; a list with no rows says {@code whenEmpty} in one line across the table under its header, so a printed
     * empty list reads as "nobody yet", not as a page that failed to print.
     */
    void sheet(String name, Heading heading, boolean landscape, String whenEmpty, List<Column> columns, List<List<Object>> rows) {
        int width = columns.size() + 1;
        int[] widths = widths(columns, rows);
        Sheet sheet = workbook.createSheet(name);
        for (int c = 0; c < width; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        int totalWidth = Arrays.stream(widths).sum();
        // the issuer on the left, the motto on the right, as on the Board's letterhead: the left block takes the
        // first columns up to about 40 % of the width
        int split = 1;
        for (int leftWidth = widths[0]; split < width - 1 && leftWidth < totalWidth * 0.4; split++) {
            leftWidth += widths[split];
        }
        int leftWidth = Arrays.stream(widths, 0, split).sum();
        int rightWidth = totalWidth - leftWidth;

        int r = 0;
        Row row = sheet.createRow(r);
        merged(sheet, row, 0, split - 1, heading.issuerAbove(), plain);
        merged(sheet, row, split, width - 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold);
        fitHeight(row, 16f, lines(heading.issuerAbove(), leftWidth, 1.0), lines("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rightWidth, 1.1));
        row = sheet.createRow(++r);
        merged(sheet, row, 0, split - 1, heading.issuer(), bold);
        merged(sheet, row, split, width - 1, "Độc lập - Tự do - Hạnh phúc", bold);
        fitHeight(row, 16f, lines(heading.issuer(), leftWidth, 1.1), lines("Độc lập - Tự do - Hạnh phúc", rightWidth, 1.1));
        row = sheet.createRow(++r);
        merged(sheet, row, split, width - 1, heading.placeAndDate(), italic);
        fitHeight(row, 16f, lines(heading.placeAndDate(), rightWidth, 1.0));
        r++;
        row = sheet.createRow(++r);
        merged(sheet, row, 0, width - 1, heading.title(), title);
        row.setHeightInPoints(lines(heading.title(), totalWidth, 1.3) * 20f);
        for (String line : heading.subtitles()) {
            row = sheet.createRow(++r);
            merged(sheet, row, 0, width - 1, line, subtitle);
            row.setHeightInPoints(lines(line, totalWidth, 1.1) * 17f);
        }
        r++;

        int headerRow = ++r;
        row = sheet.createRow(headerRow);
        cell(row, 0, "STT", header);
        int headerLines = 1;
        for (int c = 0; c < columns.size(); c++) {
            cell(row, c + 1, columns.get(c).header(), header);
            headerLines = Math.max(headerLines, lines(columns.get(c).header(), widths[c + 1], 1.1));
        }
        row.setHeightInPoints(headerLines * 16f + 4);

        int stt = 0;
        for (List<Object> values : rows) {
            row = sheet.createRow(++r);
            Cell sttCell = row.createCell(0);
            sttCell.setCellValue(++stt);
            sttCell.setCellStyle(number);
            int valueLines = 1;
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                Cell cell = row.createCell(c + 1);
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                    cell.setCellStyle(number);
                } else {
                    String shown = value == null ? "" : value.toString();
                    cell.setCellValue(shown);
                    cell.setCellStyle(text);
                    valueLines = Math.max(valueLines, lines(shown, widths[c + 1], 1.0));
                }
            }
            if (valueLines > 1) {
                row.setHeightInPoints(valueLines * 16f);
            }
        }

        if (rows.isEmpty() && whenEmpty != null) {
            row = sheet.createRow(++r);
            merged(sheet, row, 0, width - 1, whenEmpty, emptyNote);
            for (int c = 1; c < width; c++) {
                row.createCell(c).setCellStyle(emptyNote);
            }
            row.setHeightInPoints(lines(whenEmpty, totalWidth, 1.0) * 16f + 4);
        }

        sheet.createFreezePane(0, headerRow + 1);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.6);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.getFooter().setCenter("Trang &P/&N");
    }

    /** The finished file; the temporary files of the streamed rows are removed. */
    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (workbook) {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Each column as wide as its longest line (header included), within its maximum; STT stays narrow. */
    private static int[] widths(List<Column> columns, List<List<Object>> rows) {
        int[] widths = new int[columns.size() + 1];
        widths[0] = STT_WIDTH;
        for (int c = 0; c < columns.size(); c++) {
            widths[c + 1] = Math.max(MIN_WIDTH, Math.min(columns.get(c).maxWidth(), longestWord(columns.get(c).header()) + 2));
        }
        for (List<Object> values : rows) {
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                int length = value == null ? 0 : value.toString().lines().mapToInt(String::length).max().orElse(0);
                widths[c + 1] = Math.max(widths[c + 1], Math.min(columns.get(c).maxWidth(), length + 2));
            }
        }
        return widths;
    }

    private static int longestWord(String text) {
        return Arrays.stream(text.split("\\s+")).mapToInt(String::length).max().orElse(0);
    }

    /** How many lines {@code text} wraps to in {@code width} characters, {@code factor} for larger or bold type. */
    private static int lines(String text, int width, double factor) {
        int lines = 0;
        for (String line : (text == null ? "" : text).split("\n", -1)) {
            lines += Math.max(1, (int) Math.ceil(line.length() * factor / Math.max(1, width - 1)));
        }
        return lines;
    }

    private static void fitHeight(Row row, float pointsPerLine, int... lines) {
        int most = Arrays.stream(lines).max().orElse(1);
        if (most > 1) {
            row.setHeightInPoints(most * pointsPerLine);
        }
    }

    private static void merged(Sheet sheet, Row row, int from, int to, String value, CellStyle style) {
        cell(row, from, value, style);
        if (to > from) {
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), from, to));
        }
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private Font font(boolean isBold, boolean isItalic, int points) {
        Font font = workbook.createFont();
        font.setFontName(FONT);
        font.setFontHeightInPoints((short) points);
        font.setBold(isBold);
        font.setItalic(isItalic);
        return font;
    }

    private CellStyle style(Font font, HorizontalAlignment alignment, boolean wrap) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(wrap);
        return style;
    }

    private static CellStyle bordered(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
