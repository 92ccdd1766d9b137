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
        char[]? replaced = null; // copied only when a character has to go
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (!XmlConvert.IsXmlChar(text[i])) (replaced ??= text.ToCharArray())[i] = '\uFFFD';
        }
        return replaced is null ? text : new string(replaced);
    }
}
