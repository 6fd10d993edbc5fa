package com.opensvc.aftersales.intake.customer.transfer;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

@IntakeServiceTest
class CustomerTransferApiTest {
    private static final String CSV = "text/csv";
    private static final String XLSX = SheetFormat.XLSX_TYPE;
    private static final String IMPORT = "/api/intake/customers/import";

    /** For the one raw request that reads a response header RestApi does not return (Content-Disposition). */
    @LocalServerPort
    int port;

    private RestApi api;
    private final String manager = token("cm.zhao", "CUSTOMER_MANAGER");
    private final String group = "rpt04-" + UUID.randomUUID();

    private String createCustomer(String name, String phone, String note, List<Map<String, Object>> contacts,
                                  List<Map<String, Object>> addresses) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "customerClass", "B", "region", "Hunan",
                "contacts", contacts.isEmpty() ? List.of(Map.of("name", name, "phone", phone, "primary", true)) : contacts,
                "addresses", addresses, "groups", List.of(group, "VIP")));
        if (note != null) {
            body.put("note", note);
        }
        var response = api.post("/api/intake/customers", body, manager);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    /** Three customers in this test's group: a Chinese name, a + phone and a formula-like note, two contacts. */
    private List<String> threeCustomers() {
        String first = createCustomer("张三五金店", null, "=HYPERLINK(\"http://evil\")",
                List.of(Map.of("name", "张三", "phone", "+86 731 8888 1234", "email", "zs@example.com", "primary", true),
                        Map.of("name", "前台", "phone", "0731-55550000", "primary", false)),
                List.of(Map.of("label", "shop", "line", "解放西路 1 号", "city", "长沙", "region", "湖南", "postalCode", "410000", "primary", true),
                        Map.of("label", "store", "line", "2 Warehouse Road", "city", "株洲", "primary", false)));
        String second = createCustomer("Acme Trading", "13800001111", null, List.of(), List.of());
        String third = createCustomer("Beta Works", "0735-2220000", "pays late", List.of(), List.of());
        return List.of(first, second, third);
    }

    private List<CSVRecord> parseCsv(byte[] bytes) throws IOException {
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3),
                StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    private RestApi.Download export(String query, String accept, String token) {
        return api.download("/api/intake/customers/export?group=" + group + query, token, accept);
    }

    private JsonNode customer(String id) {
        return api.get("/api/intake/customers/" + id, manager).body();
    }

    private long groupSize() {
        return api.get("/api/intake/customers?group=" + group, manager).body().get("totalItems").asLong();
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertProblem(RestApi.Response response, int status, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        if (field != null) {
            List<String> fields = new ArrayList<>();
            response.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).as(response.body().toString()).contains(field);
        }
    }

    @Test
    @DisplayName("RPT-04 the CSV export holds the customers: BOM, header, Chinese names, formula-like cells defused")
    void RPT04_exportCsv() throws IOException {
        List<String> ids = threeCustomers();

        var download = export("", CSV, manager);

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("text/csv");
        List<CSVRecord> records = parseCsv(download.body());
        assertThat(records.get(0).toList()).isEqualTo(CustomerColumn.headers());
        assertThat(records).hasSize(4);
        CSVRecord first = records.stream().filter(r -> r.get(0).equals(ids.get(0))).findFirst().orElseThrow();
        assertThat(first.get(1)).isEqualTo("张三五金店");
        assertThat(first.get(2)).isEqualTo("B");
        assertThat(first.get(4)).isEqualTo("no");
        assertThat(first.get(5).split(";")).containsExactlyInAnyOrder(group, "VIP");
        assertThat(first.get(6)).isEqualTo("张三");
        assertThat(first.get(7)).as("a leading + is defused").isEqualTo("'+86 731 8888 1234");
        assertThat(first.get(8)).isEqualTo("zs@example.com");
        assertThat(first.get(9)).isEqualTo("解放西路 1 号");
        assertThat(first.get(10)).isEqualTo("长沙");
        assertThat(first.get(13)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(records.stream().map(r -> r.get(1))).contains("Acme Trading", "Beta Works");
    }

    @Test
    @DisplayName("RPT-04 the Excel export: sheet Customers, bold frozen header, text cells, dated attachment")
    void RPT04_exportXlsx() throws Exception {
        List<String> ids = threeCustomers();

        var download = export("", XLSX, manager);

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo(XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            XSSFSheet sheet = workbook.getSheet("Customers");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            DataFormatter text = new DataFormatter();
            List<String> names = new ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                names.add(text.formatCellValue(sheet.getRow(r).getCell(1)));
                if (text.formatCellValue(sheet.getRow(r).getCell(0)).equals(ids.get(0))) {
                    assertThat(text.formatCellValue(sheet.getRow(r).getCell(7))).isEqualTo("+86 731 8888 1234");
                    assertThat(sheet.getRow(r).getCell(13).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                }
            }
            assertThat(names).containsExactlyInAnyOrder("张三五金店", "Acme Trading", "Beta Works");
        }
        HttpResponse<Void> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/intake/customers/export?format=xlsx&group=" + group))
                .header("Authorization", "Bearer " + manager).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(raw.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"customers-\\d{4}-\\d{2}-\\d{2}\\.xlsx\"");
    }

    @Test
    @DisplayName("RPT-04 round trip: an exported CSV imports back; rows with an id update, rows without create")
    void RPT04_roundTripCsv() throws IOException {
        List<String> ids = threeCustomers();
        List<CSVRecord> records = parseCsv(export("", CSV, manager).body());

        var unchanged = api.postBytes(IMPORT, export("", CSV, manager).body(), CSV, manager);
        assertThat(unchanged.status()).as(unchanged.body().toString()).isEqualTo(200);
        assertThat(unchanged.body().get("unchanged").asInt()).isEqualTo(3);
        assertThat(unchanged.body().get("updated").asInt()).isZero();

        ByteArrayOutputStream edited = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new java.io.OutputStreamWriter(edited, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            for (CSVRecord record : records) {
                List<String> cells = new ArrayList<>(record.toList());
                if (cells.get(0).equals(ids.get(0))) {
                    cells.set(1, "张三五金店（新）");
                    cells.set(2, "a");
                } else if (cells.get(0).equals(ids.get(1))) {
                    cells.set(0, "");
                    cells.set(1, "Acme Trading Branch");
                }
                printer.printRecord(cells);
            }
        }
        var imported = api.postBytes(IMPORT, edited.toByteArray(), CSV, manager);

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        assertThat(imported.body().get("created").asInt()).isEqualTo(1);
        assertThat(imported.body().get("updated").asInt()).isEqualTo(1);
        assertThat(imported.body().get("unchanged").asInt()).isEqualTo(1);
        JsonNode updated = customer(ids.get(0));
        assertThat(updated.get("name").asString()).isEqualTo("张三五金店（新）");
        assertThat(updated.get("customerClass").asString()).isEqualTo("A");
        assertThat(updated.get("note").asString()).isEqualTo("=HYPERLINK(\"http://evil\")");
        List<String> phones = new ArrayList<>();
        updated.get("contacts").forEach(c -> phones.add(c.get("phone").asString()));
        assertThat(phones).as("the second contact is kept").containsExactly("+86 731 8888 1234", "0731-55550000");
        assertThat(updated.get("addresses")).hasSize(2);
        assertThat(groupSize()).isEqualTo(4);
        var created = api.get("/api/intake/customers?name=Acme%20Trading%20Branch&group=" + group, manager).body().get("items");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).get("contacts").get(0).get("phone").asString()).isEqualTo("13800001111");
        assertThat(created.get(0).get("groups").toString()).contains(group, "VIP");
    }

    @Test
    @DisplayName("RPT-04 round trip: an exported Excel workbook imports back unchanged, also as a form upload")
    void RPT04_roundTripXlsx() throws IOException, InterruptedException {
        threeCustomers();
        byte[] workbook = export("", XLSX, manager).body();

        var imported = api.postBytes(IMPORT, workbook, XLSX, manager);
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        assertThat(imported.body().get("format").asString()).isEqualTo("XLSX");
        assertThat(imported.body().get("unchanged").asInt()).isEqualTo(3);

        String boundary = "----rpt04" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"customers.csv\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.write(csv("Name,Contact phone,Groups\r\nForm Upload Co,13900002222," + group + "\r\n"));
        form.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var formResponse = api.postBytes(IMPORT, form.toByteArray(), "multipart/form-data; boundary=" + boundary, manager);
        assertThat(formResponse.status()).as(formResponse.body().toString()).isEqualTo(200);
        assertThat(formResponse.body().get("created").asInt()).isEqualTo(1);
        assertThat(groupSize()).isEqualTo(4);
    }

    @Test
    @DisplayName("RPT-04 a dry run checks and counts but changes nothing")
    void RPT04_dryRunChangesNothing() {
        List<String> ids = threeCustomers();
        String sheet = "Customer ID,Name,Contact phone,Groups\r\n"
                + ids.get(1) + ",Renamed,13800001111," + group + "\r\n"
                + ",New One,13800003333," + group + "\r\n";

        var dryRun = api.postBytes(IMPORT + "?dryRun=true", csv(sheet), CSV, manager);

        assertThat(dryRun.status()).as(dryRun.body().toString()).isEqualTo(200);
        assertThat(dryRun.body().get("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.body().get("created").asInt()).isEqualTo(1);
        assertThat(dryRun.body().get("updated").asInt()).isEqualTo(1);
        assertThat(customer(ids.get(1)).get("name").asString()).isEqualTo("Acme Trading");
        assertThat(customer(ids.get(1)).get("version").asInt()).isZero();
        assertThat(groupSize()).isEqualTo(3);
    }

    @Test
    @DisplayName("RPT-04 one bad row refuses the whole file, naming every bad cell; nothing is written")
    void RPT04_badRowsRefuseTheFile() {
        String sheet = "Name,Class,Contact phone,Email,Groups,Note\r\n"
                + "Good Co,B,13800004444,,"  + group + ",\r\n"
                + "Bad Class,Q,13800005555,,,\r\n"
                + "Bad Phone,C,call me,,,\r\n"
                + ",C,13800006666,x@,,\r\n"
                + "Long,C,13800007777,,," + "n".repeat(2001) + "\r\n"
                + "Wide,C,13800008888,,,,extra\r\n"
                + "x".repeat(201) + ",C,13800009999,,,\r\n";

        var response = api.postBytes(IMPORT, csv(sheet), CSV, manager);

        assertProblem(response, 400, "rows[3].class");
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("rows[3].class", "rows[4].contactPhone", "rows[5].name",
                "rows[5].email", "rows[6].note", "rows[7]", "rows[8].name");
        assertThat(response.body().toString()).doesNotContain("call me");
        assertThat(groupSize()).as("all or nothing").isZero();
    }

    @Test
    @DisplayName("RPT-04 at most the configured number of errors is listed, then the total")
    void RPT04_errorsAreCapped() {
        StringBuilder sheet = new StringBuilder("Name,Contact phone\r\n");
        for (int i = 0; i < 150; i++) {
            sheet.append("Customer ").append(i).append(",no phone\r\n");
        }
        var response = api.postBytes(IMPORT, csv(sheet.toString()), CSV, manager);

        assertProblem(response, 400, "rows[2].contactPhone");
        assertThat(response.body().get("errors")).hasSize(101);
        assertThat(response.body().get("errors").get(100).get("message").asString()).startsWith("150 errors in all");
    }

    @Test
    @DisplayName("RPT-04 an unknown charset in the request's Content-Type is a 415 naming it, in the file part's a 400 naming the file")
    void RPT04_unknownCharsetNamesTheField() throws IOException {
        byte[] sheet = csv("Name,Contact phone,Groups\r\nCharset Co,13900004444," + group + "\r\n");
        for (String type : List.of("text/csv; charset=x-no-such-charset", "text/csv; charset=\"x-no-such-charset\"",
                "text/csv; charset=@@", "application/vnd.ms-excel; charset=nope", SheetFormat.XLSX_TYPE + "; charset=nope")) {
            assertProblem(api.postBytes(IMPORT + "?dryRun=true", sheet, type, manager), 415, "Content-Type");
        }
        String boundary = "----rpt04" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"customers.csv\"\r\n"
                + "Content-Type: text/csv; charset=x-no-such-charset\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.write(sheet);
        form.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        assertProblem(api.postBytes(IMPORT + "?dryRun=true", form.toByteArray(), "multipart/form-data; boundary=" + boundary,
                manager), 400, "file");
        assertProblem(api.postBytes(IMPORT + "?dryRun=true", form.toByteArray(),
                "multipart/form-data; boundary=" + boundary + "; charset=nope", manager), 415, "Content-Type");

        assertThat(api.postBytes(IMPORT + "?dryRun=true", sheet, "text/csv; charset=x-no-such-charset",
                token("desk.li", "FRONT_DESK")).status()).as("roles are checked first").isEqualTo(403);
        var known = api.postBytes(IMPORT + "?dryRun=true", sheet, "text/csv; charset=GB18030", manager);
        assertThat(known.status()).as(known.body().toString()).isEqualTo(200);
        assertThat(groupSize()).as("nothing was imported").isZero();
    }

    @Test
    @DisplayName("RPT-04 malformed uploads are 4xx problems naming the file, header or row, never a 500")
    void RPT04_malformedUploads() throws Exception {
        assertProblem(api.postBytes(IMPORT, new byte[0], CSV, manager), 400, "file");
        assertProblem(api.postBytes(IMPORT, csv("Name,Contact phone\r\n"), CSV, manager), 400, "rows");
        assertProblem(api.postBytes(IMPORT, csv("{\"name\":\"x\"}"), "application/json", manager), 415, null);
        assertProblem(api.postBytes(IMPORT, csv("Name,Contact phone\r\n\"Acme,13800000000\r\n"), CSV, manager), 400, "file");
        assertProblem(api.postBytes(IMPORT, csv("Name,Email\r\nAcme,a@example.com\r\n"), CSV, manager), 400, "header.contactPhone");
        assertProblem(api.postBytes(IMPORT, csv("Phone,Emial\r\n13800000000,x\r\n"), CSV, manager), 400, "header.name");

        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        assertProblem(api.postBytes(IMPORT, random, XLSX, manager), 400, "file");
        assertProblem(api.postBytes(IMPORT, random, CSV, manager), 400, "file");
        assertProblem(api.postBytes(IMPORT, zip(Map.of("hello.txt", csv("not a workbook"))), XLSX, manager), 400, "file");
        assertProblem(api.postBytes(IMPORT, encrypted(validWorkbook()), XLSX, manager), 400, "file");

        var bomb = api.postBytes(IMPORT, zipBomb(validWorkbook()), XLSX, manager);
        assertProblem(bomb, 400, "file");
        assertThat(bomb.body().get("errors").get(0).get("message").asString()).contains("zip bomb");

        byte[] tooLarge = new byte[10 * 1024 * 1024 + 10];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        assertProblem(api.postBytes(IMPORT, tooLarge, CSV, manager), 413, "file");

        StringBuilder manyRows = new StringBuilder("Name,Contact phone\n");
        for (int i = 0; i <= 50_000; i++) {
            manyRows.append("C").append(i).append(",13800000000\n");
        }
        assertProblem(api.postBytes(IMPORT, csv(manyRows.toString()), CSV, manager), 400, "rows");
        assertProblem(api.postBytes(IMPORT + "?dryRun=maybe", csv("Name,Contact phone\r\nA,13800000000\r\n"), CSV, manager), 400, "dryRun");

        var wrongAccept = api.download("/api/intake/customers/export", manager, "application/pdf");
        assertThat(wrongAccept.status()).isEqualTo(406);
        var badClass = api.download("/api/intake/customers/export?class=Z", manager, CSV);
        assertThat(badClass.status()).isEqualTo(400);
    }

    @Test
    @DisplayName("RPT-04 SEC-01 roles: the front desk may not export, a technician may not import")
    void RPT04_rolesAre403() {
        assertThat(api.download("/api/intake/customers/export", token("desk.li", "FRONT_DESK"), CSV).status()).isEqualTo(403);
        assertThat(api.download("/api/intake/customers/export", token("tech.north", "TECHNICIAN"), XLSX).status()).isEqualTo(403);
        var importing = api.postBytes(IMPORT, csv("Name,Contact phone\r\nA,13800000000\r\n"), CSV, token("tech.north", "TECHNICIAN"));
        assertProblem(importing, 403, null);
        assertThat(api.download("/api/intake/customers/export", null, CSV).status()).isEqualTo(401);
        assertThat(api.download("/api/intake/customers/export?group=" + group, token("boss", "MANAGER"), CSV).status()).isEqualTo(200);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    @DisplayName("RPT-04 SEC-04 exports and imports are audited and write no phone or address to the log")
    void RPT04_SEC04_auditedAndNoPhoneInLogs(CapturedOutput output) {
        String sheet = "Name,Contact phone,Address,Groups\r\nLog Test Co,+86 139 7531 2468,七一路 9 号," + group + "\r\n";
        var imported = api.postBytes(IMPORT, csv(sheet), CSV, manager);
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        assertThat(export("", CSV, manager).status()).isEqualTo(200);
        assertThat(export("", XLSX, manager).status()).isEqualTo(200);

        assertThat(output.getAll()).contains("Customer import " + imported.body().get("importId").asString());
        assertThat(output.getAll()).contains("Customer export");
        assertThat(output.getAll()).doesNotContain("7531").doesNotContain("2468").doesNotContain("七一路");

        var audit = api.get("/api/intake/customers/transfers?limit=10", token("root", "ADMIN"));
        assertThat(audit.status()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        audit.body().forEach(e -> entries.add(e.get("direction").asString() + " " + e.get("format").asString() + " "
                + e.get("actor").asString() + " " + e.get("filters").asString() + " " + e.get("rows").asInt()));
        assertThat(entries).contains("EXPORT CSV cm.zhao group=" + group + " 1", "EXPORT XLSX cm.zhao group=" + group + " 1");
        assertThat(api.get("/api/intake/customers/transfers", manager).status()).isEqualTo(403);
    }

    // ---- malformed files ----

    private static byte[] validWorkbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Customers");
            sheet.createRow(0).createCell(0).setCellValue("Name");
            sheet.getRow(0).createCell(1).setCellValue("Contact phone");
            sheet.createRow(1).createCell(0).setCellValue("Encrypted Co");
            sheet.getRow(1).createCell(1).setCellValue("13800000000");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] encrypted(byte[] workbook) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(workbook);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** The workbook with its sheet replaced by 50 MB of blanks that compress to almost nothing. */
    private static byte[] zipBomb(byte[] workbook) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        String sheet = entries.keySet().stream().filter(n -> n.startsWith("xl/worksheets/")).findFirst().orElseThrow();
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        bomb.write(csv("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"));
        bomb.write(new byte[0]);
        byte[] blanks = new byte[1024 * 1024];
        java.util.Arrays.fill(blanks, (byte) ' ');
        for (int i = 0; i < 50; i++) {
            bomb.write(blanks);
        }
        bomb.write(csv("</sheetData></worksheet>"));
        entries.put(sheet, bomb.toByteArray());
        return zip(entries);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
