package jp.mynadesk.desk;

/** How the card holder is authenticated: the patient's PIN, or staff comparing the face (目視). */
public enum CheckMode {
    PIN, VISUAL
}
