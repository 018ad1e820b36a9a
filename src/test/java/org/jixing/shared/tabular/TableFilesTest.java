package org.jixing.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableFilesTest {

    @TempDir
    Path dir;

    Path file(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    static List<TableRow> all(Path p, TableInspection i) {
        List<TableRow> rows = new ArrayList<>();
        try (TableReader r = TableFiles.open(p, i, TableLimits.IMPORT)) {
            r.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void csvEncodingsAreDetected() throws Exception {
        String text = "姓名,备注\r\n张三,\"第一行\r\n第二行, 含逗号\"\r\n\r\n,,\r\n李四,\"引号\"\"\"\r\n";
        Path gbk = file("gbk.csv", text.getBytes(Charset.forName("GB18030")));
        Path utf8 = file("utf8.csv", text.getBytes(StandardCharsets.UTF_8));
        Path bom = file("bom.csv", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
        for (Path p : List.of(gbk, utf8, bom)) {
            TableInspection i = TableFiles.inspect(p, p.getFileName().toString(), TableLimits.IMPORT);
            assertThat(i.format()).isEqualTo(TableFormat.CSV);
            assertThat(i.header()).containsExactly("姓名", "备注");
            assertThat(i.rows()).isEqualTo(2);
            List<TableRow> rows = all(p, i);
            assertThat(rows).extracting(TableRow::cells)
                .containsExactly(List.of("张三", "第一行\r\n第二行, 含逗号"), List.of("李四", "引号\""));
            assertThat(rows.get(1).number()).isEqualTo(5);
        }
        assertThat(TableFiles.inspect(gbk, "g.csv", TableLimits.IMPORT).charset().name()).isEqualTo("GB18030");
        assertThat(TableFiles.inspect(utf8, "u.csv", TableLimits.IMPORT).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void csvBeyondTheLimitsIsRefusedWithTheRow() throws Exception {
        TableLimits small = new TableLimits(1024 * 1024, 3, 5, 10, 1024 * 1024, 100);
        Path many = file("many.csv", "a\n1\n2\n3\n4\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> TableFiles.inspect(many, "many.csv", small)).isInstanceOf(TableFileException.class)
            .extracting(e -> ((TableFileException) e).messageKey())
            .isEqualTo("table.error.tooManyRows");
        Path wide = file("wide.csv", "a,b\n1,2,3,4,5,6\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> TableFiles.inspect(wide, "wide.csv", small))
            .extracting(e -> ((TableFileException) e).args())
            .isEqualTo(new Object[] { 2, 6, 5 });
        Path longCell = file("long.csv", "a\n12345678901\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> TableFiles.inspect(longCell, "long.csv", small))
            .extracting(e -> ((TableFileException) e).messageKey())
            .isEqualTo("table.error.cellTooLong");
        Path unclosed = file("q.csv", "a\n\"open\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> TableFiles.inspect(unclosed, "q.csv", TableLimits.IMPORT))
            .extracting(e -> ((TableFileException) e).messageKey())
            .isEqualTo("table.error.csvMalformed");
        byte[] latin = { 'a', '\n', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, '\n' };
        assertThatThrownBy(() -> TableFiles.inspect(file("latin.csv", latin), "latin.csv", TableLimits.IMPORT))
            .extracting(e -> ((TableFileException) e).messageKey())
            .isEqualTo("table.error.encoding");
    }

    @Test
    void xlsxRowsComeAsTextWithFormulasFlagged() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "t", "1.0");
        Worksheet ws = wb.newWorksheet("s");
        ws.value(0, 0, "身份证号码");
        ws.value(0, 1, "姓名");
        ws.value(1, 0, "370102199003070015");
        ws.value(1, 1, "张三");
        ws.value(3, 0, 370102199003070015L);
        ws.formula(3, 1, "CONCATENATE(\"a\",\"b\")");
        wb.finish();
        Path p = file("t.xlsx", out.toByteArray());
        TableInspection i = TableFiles.inspect(p, "t.xlsx", TableLimits.IMPORT);
        assertThat(i.format()).isEqualTo(TableFormat.XLSX);
        assertThat(i.header()).containsExactly("身份证号码", "姓名");
        List<TableRow> rows = all(p, i);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cells()).containsExactly("370102199003070015", "张三");
        assertThat(rows.get(1).number()).isEqualTo(4);
        assertThat(rows.get(1).isFormula(1)).isTrue();
        assertThat(rows.get(1).isFormula(0)).isFalse();
    }

}
