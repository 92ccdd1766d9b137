namespace Tracker.Infrastructure;

/// <summary>Collects shape errors of a request body, each under the (camelCase) name of its field.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new();

    /// <summary>True when any field is invalid.</summary>
    public bool Any => _errors.Count > 0;

    /// <summary>Records <paramref name="message"/> against <paramref name="field"/> unless <paramref name="ok"/>.</summary>
    public FieldErrors Check(string field, bool ok, string message)
    {
        if (!ok) Add(field, message);
        return this;
    }

    /// <summary>The field must be present.</summary>
    public FieldErrors Required<T>(string field, T? value) =>
        Check(field, value is not null, "This field is required.");

    /// <summary>Required text, not blank, at most <paramref name="max"/> characters.</summary>
    public FieldErrors Text(string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return Check(field, false, "This field is required.");
        return Check(field, value.Length <= max, $"At most {max} characters (got {value.Length}).");
    }

    /// <summary>Optional text of at most <paramref name="max"/> characters.</summary>
    public FieldErrors OptionalText(string field, string? value, int max) =>
        Check(field, value is null || value.Length <= max, $"At most {max} characters (got {value?.Length}).");

    /// <summary>A required whole number within bounds.</summary>
    public FieldErrors Range(string field, int? value, int min, int max) => value is null
        ? Check(field, false, "This field is required.")
        : Check(field, value >= min && value <= max, $"Must be between {min} and {max}.");

    /// <summary>An optional absolute http(s) URL of sensible length.</summary>
    public FieldErrors Url(string field, string? value, bool required = false)
    {
        if (value is null) return Check(field, !required, "This field is required.");
        return Check(field, value.Length <= 2000 && Uri.TryCreate(value, UriKind.Absolute, out var uri)
                            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0,
            "Must be an absolute http(s) URL.");
    }

    /// <summary>An optional list of at most <paramref name="max"/> items.</summary>
    public FieldErrors Count<T>(string field, IReadOnlyCollection<T>? items, int max) =>
        Check(field, items is null || items.Count <= max, $"At most {max} items.");

    /// <summary>The 400 problem naming every invalid field.</summary>
    public IResult Problem() => Problems.Result(Details());

    /// <summary>The 400 problem details naming every invalid field (a page's form shows each beside its field).</summary>
    public HttpValidationProblemDetails Details() => Problems.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    private void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
    }
}
