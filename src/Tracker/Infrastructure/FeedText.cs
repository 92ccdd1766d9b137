using System.Xml;

namespace Tracker.Infrastructure;

/// <summary>
/// Text written into XML (the Atom feeds): characters XML 1.0 cannot hold (control characters other than tab and line
/// breaks, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so one stored report with such a character cannot make a
/// public feed fail for every reader.
/// </summary>
public static class FeedText
{
    /// <summary>The text with each character XML cannot hold replaced by U+FFFD.</summary>
    public static string Valid(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var firstInvalid = -1;
        for (var i = 0; i < text.Length && firstInvalid < 0; i++)
            if (!IsValidAt(text, i)) firstInvalid = i;
        if (firstInvalid < 0) return text;
        var chars = text.ToCharArray();
        for (var i = firstInvalid; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (!XmlConvert.IsXmlChar(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    private static bool IsValidAt(string text, int i) =>
        XmlConvert.IsXmlChar(text[i])
        || char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
        || char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]);
}
