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
        foreach (var (name, named) in Of<T>.Names)
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = named;
                return true;
            }
        value = default;
        return false;
    }

    private static class Of<T> where T : struct, Enum
    {
        public static readonly (string Name, T Value)[] Names = Enum.GetNames<T>().Select(name => (name, Enum.Parse<T>(name))).ToArray();
    }
}
