using System.Collections.Frozen;

namespace Tracker.Infrastructure;

/// <summary>
/// An enum value read from text by one of its names alone (any case). <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>
/// also takes numbers and comma lists, and "low,medium" is the bitwise OR of two levels: possibly a third one that nobody typed.
/// </summary>
public static class EnumNames
{
    /// <summary>True when <paramref name="text"/> is exactly a name of <typeparamref name="T"/>, in any case.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        if (text is not null && Of<T>.Values.TryGetValue(text, out value)) return true;
        value = default;
        return false;
    }

    private static class Of<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<string, T> Values =
            Enum.GetNames<T>().ToFrozenDictionary(name => name, Enum.Parse<T>, StringComparer.OrdinalIgnoreCase);
    }
}
