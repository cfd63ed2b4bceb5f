/// Quotes words for a POSIX shell, so that a printed command can be pasted as it is.
public enum ShellQuoting {
    /// Characters a word may hold and stay unquoted.
    private static let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@%+,")

    /// `word` as it is when the shell reads it unchanged, otherwise in single quotes (`'it'\''s'`).
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy(plain.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
