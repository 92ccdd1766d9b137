using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Tracker.Ratings;

/// <summary>Whether an indicator carries a value (the IRM's tri-state).</summary>
public enum RatingState
{
    /// <summary>The indicator has a value.</summary>
    Assessed,

    /// <summary>No value: the IRM's "ND" (not used in that era) or "NR" (not reviewed).</summary>
    NotAssessed,

    /// <summary>The indicator does not apply: the IRM's "NA".</summary>
    NotApplicable,
}

/// <summary>An indicator's value, or the reason it has none (not assessed, not applicable): a value only when assessed.</summary>
/// <typeparam name="T">The scale.</typeparam>
// Value throws unless the rating is Assessed, so "not assessed" can never be read as a real value.
[JsonConverter(typeof(RatedJsonConverter))]
public readonly record struct Rated<T> where T : notnull
{
    // Null stands for NotAssessed so that default(Rated<T>) is NotAssessed, never "Assessed, default(T)".
    private readonly RatingState? state;
    private readonly T? value;

    internal Rated(RatingState state, T? value)
    {
        this.state = state == RatingState.NotAssessed ? null : state;
        this.value = state == RatingState.Assessed ? value : default;
    }

    /// <summary>Assessed, NotAssessed or NotApplicable.</summary>
    public RatingState State => state ?? RatingState.NotAssessed;

    /// <summary>True when the rating carries a value.</summary>
    public bool IsAssessed => state == RatingState.Assessed;

    /// <summary>The value; throws <see cref="InvalidOperationException"/> unless <see cref="IsAssessed"/>.</summary>
    public T Value => IsAssessed
        ? value!
        : throw new InvalidOperationException($"The rating is {State}, it has no value; check State or use TryGetValue.");

    /// <summary>Gives the value when the rating is assessed.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = IsAssessed ? this.value! : default;
        return IsAssessed;
    }

    /// <summary>Applies <paramref name="map"/> to an assessed value; NotAssessed and NotApplicable pass through.</summary>
    public Rated<TOut> Map<TOut>(Func<T, TOut> map) where TOut : notnull =>
        IsAssessed ? new Rated<TOut>(RatingState.Assessed, map(value!)) : new Rated<TOut>(State, default);

    /// <summary>Folds the three states into one result.</summary>
    public TOut Match<TOut>(Func<T, TOut> assessed, TOut notAssessed, TOut notApplicable) => State switch
    {
        RatingState.Assessed => assessed(value!),
        RatingState.NotApplicable => notApplicable,
        _ => notAssessed,
    };

    /// <summary>Equal state and value; a set of values equals any set with the same members, whatever its order or type.</summary>
    public bool Equals(Rated<T> other) => State == other.State && (!IsAssessed || (value is IEnumerable items and not string
        ? other.value is IEnumerable others && items.Cast<object>().ToHashSet().SetEquals(others.Cast<object>())
        : EqualityComparer<T>.Default.Equals(value, other.value)));

    /// <inheritdoc />
    public override int GetHashCode() => !IsAssessed ? State.GetHashCode()
        : value is IEnumerable items and not string ? items.Cast<object>().Aggregate(State.GetHashCode(), (hash, item) => hash ^ item.GetHashCode())
        : HashCode.Combine(State, value);

    /// <inheritdoc />
    public override string ToString() => State switch
    {
        RatingState.Assessed => Describe(value!),
        RatingState.NotApplicable => nameof(RatingState.NotApplicable),
        _ => nameof(RatingState.NotAssessed),
    };

    private static string Describe(T value) => value is IEnumerable items and not string
        ? "{" + string.Join(", ", items.Cast<object>().Select(item => item.ToString()).Order(StringComparer.Ordinal)) + "}"
        : value.ToString() ?? string.Empty;
}

/// <summary>Factories for <see cref="Rated{T}"/>.</summary>
public static class Rated
{
    /// <summary>An assessed value.</summary>
    public static Rated<T> Of<T>(T value) where T : notnull =>
        value is null ? throw new ArgumentNullException(nameof(value)) : new Rated<T>(RatingState.Assessed, value);

    /// <summary>No value: the IRM's "ND" or "NR".</summary>
    public static Rated<T> NotAssessed<T>() where T : notnull => new(RatingState.NotAssessed, default);

    /// <summary>Does not apply: the IRM's "NA".</summary>
    public static Rated<T> NotApplicable<T>() where T : notnull => new(RatingState.NotApplicable, default);

    /// <summary>Rebuilds a rating from a stored state and value (the value is ignored unless the state is Assessed).</summary>
    public static Rated<T> FromState<T>(RatingState state, T? value) where T : notnull => state switch
    {
        RatingState.Assessed => Of(value ?? throw new ArgumentNullException(nameof(value), "An assessed rating needs a value.")),
        RatingState.NotAssessed => NotAssessed<T>(),
        RatingState.NotApplicable => NotApplicable<T>(),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown rating state."),
    };
}
