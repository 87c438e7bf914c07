/**
 * {@code mynadesk doctor} (診断, docs/CLINIC.md "doctor"): one small class per {@code Check} ({@code SettingsCheck},
 * {@code PcscdCheck}, {@code ReaderCheck}, {@code CardCheck} (one SELECT of the JPKI AP, never a VERIFY), {@code
 * TrustAnchorCheck} (one per file: parse, CA, validity with a 90-day warning, SHA-256 fingerprint), {@code
 * ServiceCheck} ({@code GET health}, keeps the {@code Date}), {@code RecordCheck} ({@code verify()}), {@code
 * ClockCheck}, {@code DiskCheck}), each giving a {@code Finding} (name, 正常/警告/異常 {@code Status}, message, next step);
 * {@code PcscProbe} lists the readers once for three checks; {@code Bounded} runs each outside call on a daemon
 * thread within its limit; {@code Doctor} builds the checks from {@code Inputs} (the settings, or the options alone)
 * and {@code Surroundings} (clock, time zone, PC/SC, free space, limits: all injectable) and runs them into a {@code
 * DoctorReport} (worst status → exit 0/1/3).
 */
package jp.mynadesk.doctor;
