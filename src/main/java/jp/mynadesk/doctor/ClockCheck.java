package jp.mynadesk.doctor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The clock: this PC's time in Japan time, the PC's time zone (not +09:00 is a warning: its other programs show
 * times 9 hours off), and the difference from the service's clock when the service answered with a {@code Date}:
 * more than {@value #WARN_SECONDS} s is 警告, more than {@value #PROBLEM_SECONDS} s 異常 (dates of visits, certificate
 * validity and the 3-month grace all read this clock).
 */
public final class ClockCheck implements Check {
    public static final String NAME = "clock";
    public static final long WARN_SECONDS = 60;
    public static final long PROBLEM_SECONDS = 300;
    private static final ZoneOffset JAPAN = ZoneOffset.ofHours(9);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final String NTP = "時刻合わせ（NTP）を有効にしてください（Linux: sudo timedatectl set-ntp true）。";

    private final Clock clock;
    private final ZoneId systemZone;
    private final Supplier<Optional<Instant>> serviceDate;

    /**
     * @param systemZone  this PC's time zone ({@code ZoneId.systemDefault()})
     * @param serviceDate the service's clock, once the service check has run (empty: none to compare with)
     */
    public ClockCheck(Clock clock, ZoneId systemZone, Supplier<Optional<Instant>> serviceDate) {
        this.clock = clock;
        this.systemZone = systemZone;
        this.serviceDate = serviceDate;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Finding run() {
        Instant now = clock.instant();
        Status status = Status.OK;
        StringBuilder message = new StringBuilder("この PC の時刻は ").append(SHOWN.format(now.atOffset(JAPAN))).append(" JST");
        StringBuilder next = new StringBuilder();
        ZoneOffset offset = systemZone.getRules().getOffset(now);
        if (!offset.equals(JAPAN)) {
            status = Status.WARNING;
            message.append("。タイムゾーンが日本時間ではありません（").append(systemZone.getId()).append("、UTC").append(offset.getId()
                    .equals("Z") ? "+00:00" : offset.getId()).append("）");
            next.append("OS のタイムゾーンを Asia/Tokyo にしてください（Linux: sudo timedatectl set-timezone Asia/Tokyo）。");
        }
        Optional<Instant> service = serviceDate.get();
        if (service.isEmpty()) {
            message.append("。サービスの時刻とは比べられません（サービスなし、または応答なし）。");
            return new Finding(NAME, status, message.toString(), next.toString());
        }
        long seconds = Math.abs(Duration.between(service.get(), now).getSeconds());
        message.append("。オンライン資格確認サービスの時刻との差は ").append(seconds).append(" 秒");
        if (seconds > PROBLEM_SECONDS) {
            status = Status.PROBLEM;
            message.append("（").append(PROBLEM_SECONDS / 60).append(" 分を超えています）");
            next.append("この PC の時刻を合わせてください。").append(NTP);
        } else if (seconds > WARN_SECONDS) {
            status = status.worse(Status.WARNING);
            message.append("（").append(WARN_SECONDS).append(" 秒を超えています）");
            next.append(NTP);
        }
        message.append("。");
        return new Finding(NAME, status, message.toString(), next.toString());
    }
}
