package jp.mynadesk.screen.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import jp.mynadesk.ceiling.CeilingClass;
import jp.mynadesk.ceiling.CeilingException;
import jp.mynadesk.ceiling.CeilingService;
import jp.mynadesk.ceiling.CeilingTable;
import jp.mynadesk.desk.CheckMode;
import jp.mynadesk.desk.CheckStep;
import jp.mynadesk.desk.DeskEvent;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.Prompt;
import jp.mynadesk.desk.Qualification;
import jp.mynadesk.desk.RecheckFinding;
import jp.mynadesk.desk.RecheckJson;
import jp.mynadesk.desk.RecheckRun;
import jp.mynadesk.desk.RecheckRunner;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.documents.DocumentInputException;
import jp.mynadesk.documents.DocumentJson;
import jp.mynadesk.documents.DocumentScanner;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.oplog.OperationsLog;
import jp.mynadesk.station.Station;

/**
 * The desk in a browser: the staff page ({@code /}) and the patient page ({@code /patient}) served from this
 * process, both driving the station's one {@link jp.mynadesk.desk.ReceptionCheck} through {@link DeskSession}.
 * No business rule lives here: the workflow decides, {@link DeskView} renders, {@link Guard} says who may ask.
 */
public final class WebDesk implements AutoCloseable {
    private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String ASSETS = "/jp/mynadesk/web";
    /** No inline script or style anywhere: every script and sheet is a file of this jar. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Where to listen; {@code pairingRequired} unless the address is a loopback one. */
    public record Options(String bind, int port) {
        public Options {
            bind = bind == null ? "127.0.0.1" : bind;
        }
    }

    private final Station station;
    private final Guard guard;
    private final EventHub hub = new EventHub();
    private final DeskSession desk;
    private final StatusWatch status;
    private final PatientScreen patientScreen;
    private final Javalin app;
    private final StreamLimit streams;
    private final ConnectionGuard connections;
    private final byte[] staffPage;
    private final byte[] patientPage;

    private WebDesk(Station station, Guard guard, Options options, java.time.Clock clock) throws IOException {
        this.station = station;
        this.guard = guard;
        this.streams = new StreamLimit(clock);
        this.connections = new ConnectionGuard(clock);
        this.staffPage = withMode(resource(ASSETS + "/staff.html"), station.simulated(), "mode");
        this.patientPage = withMode(resource(ASSETS + "/patient.html"), station.simulated(), "mode small");
        this.desk = new DeskSession(station, new DeskSession.Listener() {
            @Override
            public void step(CheckStep step) {
                hub.send(EventHub.Audience.STAFF, "step", DeskView.step(step));
            }

            @Override
            public void prompt(Prompt prompt, boolean busy) {
                hub.send(EventHub.Audience.STAFF, "desk", DeskView.staff(prompt, busy));
                patientScreen.refresh();
                if (prompt instanceof Prompt.Done) {
                    hub.send(EventHub.Audience.STAFF, "visits", F.objectNode());
                }
            }
        });
        this.patientScreen = new PatientScreen(station.setup().clock(), desk::prompt, desk::busy, station.hasReader(),
                station.setup().institution(), view -> hub.send(EventHub.Audience.PATIENT, "desk", view));
        this.status = new StatusWatch(station, s -> {
            hub.send(EventHub.Audience.STAFF, "status", s);
            patientScreen.card(s.path("card").asBoolean());
        });
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jsonMapper(new SafeJson()); // no control or bidi character reaches a page (SafeText)
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/assets";
                sf.directory = ASSETS + "/assets";
                sf.location = Location.CLASSPATH;
            });
            config.jetty.multipartConfig.maxFileSize(8, io.javalin.config.SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(8, io.javalin.config.SizeUnit.MB);
            WebServerLimits.apply(config, options.bind(), options.port(), connections, streams);
        });
        routes();
    }

    /**
     * Starts serving. Listening beyond loopback turns on pairing: the code is on the staff page.
     *
     * @throws IOException when the address cannot be bound (in use, not this machine's)
     */
    public static WebDesk start(Station station, Options options) throws IOException {
        return start(station, options, java.time.Clock.systemUTC());
    }

    /** @param clock the web server's own time: session expiry, pairing backoff, header time-out (tests move it) */
    static WebDesk start(Station station, Options options, java.time.Clock clock) throws IOException {
        InetAddress bind = InetAddress.getByName(options.bind());
        WebDesk web = new WebDesk(station, new Guard(new SecureRandom(), !bind.isLoopbackAddress(), clock), options, clock);
        try {
            web.app.start();
        } catch (RuntimeException e) {
            web.close();
            throw new IOException(e.getMessage(), e);
        }
        web.status.start();
        web.patientScreen.start();
        return web;
    }

    public int port() {
        return app.port();
    }

    /** The code the patient page must enter, or null when the desk listens on loopback only. */
    public String pairingCode() {
        return guard.pairingCode();
    }

    /** The one check both pages drive (for tests and the benchmark: where it waits now). */
    public Prompt prompt() {
        return desk.prompt();
    }

    Guard guard() {
        return guard;
    }

    StreamLimit streams() {
        return streams;
    }

    ConnectionGuard connections() {
        return connections;
    }

    @Override
    public void close() {
        connections.close();
        streams.close();
        hub.close();
        status.close();
        patientScreen.close();
        app.stop();
        desk.close();
    }

    // --- routes ----------------------------------------------------------------------------------------

    private void routes() {
        app.before(this::guard);
        app.exception(Refusal.class, (e, ctx) -> ctx.status(e.status).json(error(e.code, e.getMessage())));
        app.exception(BodyLimit.TooLarge.class, (e, ctx) ->
                ctx.status(413).json(error("too-large", e.getMessage()))); // BodyLimit commits it with Connection: close
        app.exception(Forms.BadField.class, (e, ctx) -> {
            // every field's problem at once, each shown next to its field; the first is also the message
            ArrayNode problems = F.arrayNode();
            e.problems.forEach(p -> problems.addObject().put("field", p.field()).put("message", p.message()));
            ctx.status(400).json(error("bad-field", e.getMessage()).put("field", e.field).set("problems", problems));
        });
        app.exception(StoreException.class, (e, ctx) -> {
            OperationsLog.warning("web", "記録を使えません（" + ctx.method() + " " + ctx.path() + "）: "
                    + OperationsLog.foreign(e.getMessage()));
            ctx.status(503).json(error("store", e.getMessage()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            // the stack trace goes to the operations log; staff read where it is (not the patient's screen)
            OperationsLog.unexpected("web", "受付画面で予期しないエラー（" + ctx.method() + " " + ctx.path() + "）", e);
            String where = ctx.path().startsWith("/api/staff/") ? OperationsLog.whereToLook() : "";
            ctx.status(500).json(error("internal", StaffText.internalError() + where));
        });

        app.get("/", ctx -> page(ctx, staffPage));
        app.get("/patient", ctx -> page(ctx, patientPage));
        app.get("/api/session", this::session);

        app.sse("/api/staff/events", client -> listen(EventHub.Audience.STAFF, client, () -> List.of(
                Map.entry("status", status.view()), Map.entry("desk", DeskView.staff(desk.prompt(), desk.busy())),
                Map.entry("pairing", pairing())), () -> { }));
        app.get("/api/staff/state", ctx -> ctx.json(F.objectNode().<ObjectNode>set("desk", DeskView.staff(desk.prompt(), desk.busy()))
                .<ObjectNode>set("status", status.view()).set("pairing", pairing())));
        app.post("/api/staff/start", ctx -> {
            JsonNode b = body(ctx);
            boolean visual = "visual".equals(Forms.text(b, "mode"));
            answer(ctx, desk.start(new DeskEvent.CardPresented(visual ? CheckMode.VISUAL : CheckMode.PIN,
                    visual ? allowedStaff(b) : null)), true);
        });
        app.post("/api/staff/visual", ctx -> answer(ctx, desk.send(new DeskEvent.VisualConfirmed(allowedStaff(body(ctx))), null), true));
        app.post("/api/staff/documents", ctx -> {
            DeskEvent e = Forms.documents(body(ctx));
            // documents instead of the PIN or 目視 too (a patient who does not know the PIN), as the terminal's d
            Prompt at = desk.prompt();
            Class<? extends Prompt> where = at instanceof Prompt.AwaitingPin || at instanceof Prompt.AwaitingVisual
                    ? at.getClass() : Prompt.AwaitingDocuments.class;
            answer(ctx, desk.open() ? desk.send(e, where) : desk.start(e), true);
        });
        app.post("/api/staff/declaration", ctx -> {
            DeskEvent e = Forms.declaration(body(ctx));
            answer(ctx, desk.open() ? desk.send(e, null) : desk.start(e), true);
        });
        app.post("/api/staff/decline", ctx -> answer(ctx, desk.send(new DeskEvent.Decline(), null), true));
        app.post("/api/staff/cancel", ctx -> answer(ctx, desk.send(new DeskEvent.Cancel(), null), true));
        app.post("/api/staff/clear", ctx -> answer(ctx, desk.clear(), true));
        app.post("/api/staff/record-again", ctx ->
                answer(ctx, desk.send(new DeskEvent.RecordAgain(), Prompt.AwaitingRecord.class), true));
        app.post("/api/staff/scan", this::scan);
        app.post("/api/staff/scan-text", ctx -> {
            // what a keyboard-wedge QR reader typed into the scan field, shown before it is used
            String payload = Forms.text(body(ctx), "payload");
            if (payload == null) {
                throw new Forms.BadField("payload", StaffText.scanEmpty());
            }
            try {
                ctx.json(ScanView.of(ScanView.typed(payload), "typed"));
            } catch (DocumentInputException e) {
                throw new Forms.BadField("payload", e.getMessage());
            }
        });
        app.get("/api/staff/visits", this::visits);
        app.post("/api/staff/recheck", this::recheck);
        app.get("/api/staff/verify", this::verify);
        app.get("/api/staff/ceiling", this::ceiling);
        app.post("/api/staff/pairing", ctx -> {
            guard.openPairing();
            hub.send(EventHub.Audience.STAFF, "pairing", pairing());
            ctx.json(F.objectNode().set("pairing", pairing()));
        });

        app.sse("/api/patient/events", client -> {
            // the page that opened last is the desk's patient screen; the one before is told so
            String page = client.ctx().queryParam("screen");
            listen(EventHub.Audience.PATIENT, client, () -> {
                io.javalin.http.sse.SseClient before = patientScreen.claim(page, client);
                if (before != null) {
                    hub.dismiss(EventHub.Audience.PATIENT, before, "replaced", F.objectNode().put("text", StaffText.screenReplaced()));
                }
                return List.of(Map.entry("desk", patientScreen.view()));
            }, () -> patientScreen.release(page, client));
        });
        app.post("/api/patient/pair", this::pair);
        app.post("/api/patient/pin", ctx -> {
            thisPatientScreen(ctx);
            char[] pin = PinBody.read(ctx.req().getInputStream());
            answer(ctx, desk.send(new DeskEvent.PinEntered(pin), Prompt.AwaitingPin.class), false);
        });
        app.post("/api/patient/consent", ctx -> {
            thisPatientScreen(ctx);
            JsonNode consentBody = body(ctx);
            Map<SharingCategory, Boolean> given = ConsentBody.read(consentBody);
            List<SharingCategory> open = ConsentBody.unanswered(given);
            if (!(desk.prompt() instanceof Prompt.AwaitingConsent asked)) {
                throw new Refusal(409, "not-now", StaffText.notNow()); // a stale page: nothing is asked now
            }
            Boolean subsidy = asked.asksSubsidy() ? ConsentBody.subsidy(consentBody) : null;
            if (asked.asksSubsidy() && subsidy == null) {
                // 医療費助成 asked and not answered: asked again, never taken as 利用しない
                ArrayNode fields = F.arrayNode();
                open.forEach(c -> fields.add(c.code()));
                fields.add(ConsentBody.SUBSIDY);
                ctx.status(400).json(error("consent-unanswered", StaffText.message(jp.mynadesk.desk.ReasonCode.SUBSIDY_NOT_ANSWERED)
                        + StaffText.next(jp.mynadesk.desk.ReasonCode.SUBSIDY_NOT_ANSWERED)).set("fields", fields));
                return;
            }
            if (!open.isEmpty()) {
                // asked again, never defaulted: a category left out is not a "no"
                ArrayNode fields = F.arrayNode();
                open.forEach(c -> fields.add(c.code()));
                ctx.status(400).json(error("consent-unanswered", StaffText.consentUnanswered(open)).set("fields", fields));
                return;
            }
            answer(ctx, desk.send(new DeskEvent.ConsentAnswered(given, subsidy), Prompt.AwaitingConsent.class), false);
        });
    }

    /** Host, staff-only paths, pairing and CSRF, before any handler; and the headers every answer carries. */
    private void guard(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
        if (!ctx.path().startsWith("/assets/")) {
            ctx.header("Cache-Control", "no-store");
        }
        if (!Guard.hostAllowed(ctx.header("Host"))) {
            throw new Refusal(421, "host", StaffText.notThisDesk());
        }
        String path = ctx.path();
        if ((path.equals("/") || path.startsWith("/api/staff")) && !Guard.fromThisMachine(ctx.req().getRemoteAddr())) {
            throw new Refusal(403, "staff-only", StaffText.staffOnly());
        }
        Guard.Session s = guard.session(ctx.cookie(Guard.COOKIE));
        if (path.startsWith("/api/patient/") && !path.equals("/api/patient/pair") && !guard.paired(s, ctx.req().getRemoteAddr())) {
            throw new Refusal(403, "not-paired", StaffText.notPaired());
        }
        if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
            String origin = ctx.header("Origin");
            boolean sameOrigin = origin == null || origin.equals("http://" + ctx.header("Host"));
            if (!sameOrigin || !Guard.csrfMatches(s, ctx.header(Guard.CSRF_HEADER))) {
                throw new Refusal(403, "csrf", StaffText.reloadPage());
            }
        }
        EventHub.Audience listening = path.equals("/api/staff/events") ? EventHub.Audience.STAFF
                : path.equals("/api/patient/events") ? EventHub.Audience.PATIENT : null;
        if (listening != null) {
            StreamLimit.Place place = streams.reserve(listening);
            if (place == null) {
                throw new Refusal(503, "too-many-streams", StaffText.tooManyStreams());
            }
            ctx.req().setAttribute(StreamLimit.ATTRIBUTE, place);
        }
    }

    /** An event stream, in the place guard() took for it (docs/WEB.md §1.4), known with its session. */
    private void listen(EventHub.Audience who, io.javalin.http.sse.SseClient client,
            java.util.function.Supplier<List<Map.Entry<String, JsonNode>>> hello, Runnable onLeave) {
        streams.bind(client, guard.session(client.ctx().cookie(Guard.COOKIE)));
        hub.join(who, client, hello, () -> {
            streams.unbind(client);
            onLeave.run();
        });
    }

    /** A patient page that another one took the desk from may no longer drive the check. */
    private void thisPatientScreen(Context ctx) {
        if (!patientScreen.mayAct(ctx.header(PatientScreen.HEADER))) {
            throw new Refusal(409, "screen-replaced", StaffText.screenReplaced());
        }
    }

    private void session(Context ctx) {
        Guard.Session s = guard.session(ctx.cookie(Guard.COOKIE));
        if (s == null) {
            var fresh = guard.newSession(!Guard.fromThisMachine(ctx.req().getRemoteAddr()));
            s = fresh.getValue();
            // No Max-Age: the browser forgets it when it closes; the desk forgets it when the process ends.
            ctx.header("Set-Cookie", Guard.COOKIE + "=" + fresh.getKey() + "; Path=/; HttpOnly; SameSite=Strict");
        }
        ctx.json(F.objectNode().put("csrf", s.csrf).put("pairingRequired", guard.pairingRequired())
                .put("paired", guard.paired(s, ctx.req().getRemoteAddr())));
    }

    /** docs/WEB.md §1.1: a wrong code neither changes the code nor tells the staff page; only the lock does. */
    private void pair(Context ctx) {
        Guard.Session s = guard.session(ctx.cookie(Guard.COOKIE));
        PairingGuard.Attempt a = guard.pair(s, Forms.text(body(ctx), "code"), ctx.req().getRemoteAddr());
        long wait = Math.max(1, (a.retryAfter().toMillis() + 999) / 1000);
        switch (a.result()) {
            case PAIRED -> {
                streams.closePatientStreamsBut(s);
                hub.send(EventHub.Audience.STAFF, "pairing", pairing());
                ctx.json(F.objectNode().put("paired", true));
            }
            case WRONG -> refusePairing(ctx, 403, "wrong-code", StaffText.wrongPairingCode(wait), wait);
            case LOCKED_NOW -> {
                hub.send(EventHub.Audience.STAFF, "pairing", pairing());
                refusePairing(ctx, 403, "pairing-locked", StaffText.pairingLocked(), 0);
            }
            case WAIT -> refusePairing(ctx, 429, "pairing-wait", StaffText.pairingWait(wait), wait);
            case CLOSED -> refusePairing(ctx, 403, "pairing-closed", StaffText.pairingClosed(), 0);
            case LOCKED -> refusePairing(ctx, 403, "pairing-locked", StaffText.pairingLocked(), 0);
            default -> throw new IllegalStateException(a.result().name());
        }
    }

    private static void refusePairing(Context ctx, int status, String code, String message, long retryAfterSeconds) {
        if (retryAfterSeconds > 0) {
            ctx.header("Retry-After", Long.toString(retryAfterSeconds));
        }
        ctx.status(status).json(error(code, message).put("retryAfter", retryAfterSeconds));
    }

    private ObjectNode pairing() {
        PairingGuard.View v = guard.pairingView();
        return F.objectNode().put("required", guard.pairingRequired()).put("open", v.open()).put("code", v.code())
                .put("locked", v.locked());
    }

    private void answer(Context ctx, DeskSession.Answer a, boolean staff) {
        if (a instanceof DeskSession.Answer.Refused r) {
            throw new Refusal(409, r.code(), r.code().equals("check-in-progress") ? StaffText.checkInProgress() : StaffText.notNow());
        }
        Prompt p = ((DeskSession.Answer.Moved) a).prompt();
        ctx.json(F.objectNode().set("desk", staff ? DeskView.staff(p, false)
                : DeskView.patient(p, false, station.setup().institution())));
    }

    private void scan(Context ctx) throws IOException {
        UploadedFile file = ctx.uploadedFile("image");
        if (file == null) {
            throw new Forms.BadField("image", StaffText.required(StaffText.qrImageLabel()));
        }
        BufferedImage img;
        try (InputStream in = file.content()) {
            img = ImageIO.read(in);
        }
        if (img == null) {
            throw new Forms.BadField("image", StaffText.notAnImage());
        }
        try {
            ctx.json(ScanView.of(DocumentScanner.scan(img, file.filename()), "image"));
        } catch (DocumentInputException e) {
            throw new Forms.BadField("image", e.getMessage());
        }
    }

    private void visits(Context ctx) {
        ArrayNode today = F.arrayNode();
        for (Visit v : station.store().visits(today())) {
            today.add(listed(v));
        }
        ArrayNode pending = F.arrayNode();
        for (Visit v : station.store().pendingRechecks()) {
            pending.add(listed(v));
        }
        ctx.json(F.objectNode().<ObjectNode>set("today", today).set("pending", pending));
    }

    private static ObjectNode listed(Visit v) {
        ObjectNode o = jp.mynadesk.desk.VisitJson.listed(v);
        o.put("outcomeText", StaffText.outcome(v.outcome()));
        o.put("routeText", DeskView.routeText(v));
        o.put("recheckText", StaffText.recheckState(v.recheckState()));
        o.put("name", DeskView.name(v));
        o.put("time", v.asOf().toLocalTime().toString());
        return o;
    }

    private void recheck(Context ctx) throws InterruptedException {
        RecheckRun run = RecheckRunner.of(station.context()).run(n -> { });
        ObjectNode o = RecheckJson.contract(run);
        ArrayNode findings = o.putArray("findings");
        for (RecheckFinding f : run.findings()) {
            // whom it is about and, for a new insurer or other numbers, the numbers the service returned
            Visit visit = station.store().visit(f.visitId()).orElse(null);
            String name = visit == null ? null : DeskView.name(visit);
            ObjectNode line = findings.addObject().put("visitId", f.visitId()).put("kind", f.kind().code())
                    .put("message", StaffText.finding(f.kind())).put("name", name)
                    .put("line", StaffText.findingLine(f, visit));
            line.put("found", f.found() == null || f.kind() == RecheckFinding.Kind.CONFIRMED ? null : StaffText.numbers(f.found()));
        }
        hub.send(EventHub.Audience.STAFF, "visits", F.objectNode());
        ctx.json(o);
    }

    private void verify(Context ctx) {
        IntegrityReport r = station.store().verify();
        ctx.json(F.objectNode().put("ok", r.ok()).put("visits", r.visits()).put("auditEntries", r.auditEntries())
                .put("firstBroken", r.firstBroken()).put("message", StaffText.integrity(r)));
    }

    private static final CeilingService CEILING = CeilingService.builtIn();

    /** The 自己負担限度額 for the insurance on screen and the month's total the clerk typed. */
    private void ceiling(Context ctx) {
        Long total = total(ctx.queryParam("total"));
        Prompt p = desk.prompt();
        Qualification q = p instanceof Prompt.AwaitingConsent c ? c.qualification()
                : p instanceof Prompt.Done d ? d.visit().qualification()
                : p instanceof Prompt.AwaitingRecord r ? r.visit().qualification() : null;
        LocalDate on = today();
        CeilingTable table = CEILING.table(on).orElse(null);
        if (q == null || table == null) {
            throw new Refusal(409, "no-qualification", StaffText.ceilingNeedsQualification());
        }
        if (!(CeilingService.choose(q.limitClass(), q.ratio() == null ? null : String.format("%03d", q.ratio()),
                q.birthDate(), on) instanceof CeilingService.Chosen chosen)) {
            throw new Refusal(409, "no-qualification", StaffText.ceilingNeedsQualification());
        }
        try {
            CeilingService.Figures figures = CEILING.compute(table, chosen, total, on, false,
                    jp.mynadesk.ceiling.Scope.HOUSEHOLD, false, false, q.birthDate());
            CeilingClass cls = chosen.ceilingClass();
            // the class as staff read it (区分ウ), not the service's code
            String text = StaffText.ceilingText(figures.text(), cls);
            ctx.json(figures.json().put("text", text));
        } catch (CeilingException e) {
            throw new Forms.BadField("total", e.getMessage());
        }
    }

    private static Long total(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(typed.strip().replace(",", ""));
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the message naming the field
        }
        throw new Forms.BadField("total", StaffText.ceilingTotal());
    }

    // --- small things ------------------------------------------------------------------------------------

    private LocalDate today() {
        return LocalDate.now(station.setup().clock().withZone(JST));
    }

    private static JsonNode body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return F.objectNode(); // a POST with no body: no fields
        }
        try {
            JsonNode n = JsonText.read(bytes);
            return n.isObject() ? n : F.objectNode();
        } catch (IOException e) {
            throw new Refusal(400, "bad-json", StaffText.reloadPage());
        }
    }

    private static ObjectNode error(String code, String message) {
        return F.objectNode().put("code", code).put("message", message);
    }

    private static void page(Context ctx, byte[] html) {
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    /** The page's place for the mode ({@code <!--mode-->}): the simulation label, or nothing at a clinic's desk. */
    static byte[] withMode(byte[] page, boolean simulated, String cssClass) {
        String html = new String(page, java.nio.charset.StandardCharsets.UTF_8);
        String label = simulated ? "<p class=\"" + cssClass + "\" role=\"note\">" + StaffText.practiceMode()
                + "</p>" : "";
        return html.replace("<!--mode-->", label).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The 目視 staff id of a request, when the settings allow that staff member (visualStaff; any when none listed). */
    private String allowedStaff(JsonNode body) {
        String staff = Forms.staff(body);
        if (!station.mayConfirmVisually(staff)) {
            throw new Forms.BadField("staff", StaffText.notVisualStaffField());
        }
        return staff;
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = WebDesk.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing from the jar: " + path);
            }
            return in.readAllBytes();
        }
    }

    /** A request refused with a status, a code for programs and a sentence for staff. */
    static final class Refusal extends RuntimeException {
        final int status;
        final String code;

        Refusal(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
