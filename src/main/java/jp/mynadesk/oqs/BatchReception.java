package jp.mynadesk.oqs;

/** The answer to a batch upload ({@code OQSmuquc01res}): the 受付番号 to download the results with. */
public record BatchReception(MessageHeader header, String receptionNumber, String receptionDateTime) {}
