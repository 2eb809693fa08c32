package vn.gov.thidua.dossier;

/** Officers' notes joined into the sentences of notices and refusals, without doubled full stops. */
final class DossierText {

    private DossierText() {
    }

    /** The text as one sentence: it ends with a single full stop, or with its own question or exclamation mark. */
    static String sentence(String text) {
        String clean = text.strip().replaceAll("[.\\s]+$", "");
        if (clean.isEmpty()) {
            return clean;
        }
        char last = clean.charAt(clean.length() - 1);
        return last == '!' || last == '?' || last == '…' ? clean : clean + ".";
    }
}
