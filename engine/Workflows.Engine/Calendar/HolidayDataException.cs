namespace Workflows.Engine.Calendar;

/// <summary>
/// Holiday data that cannot be trusted. Every problem found is listed, not only the first, so an
/// admin editing a year sees all of them at once.
/// </summary>
public sealed class HolidayDataException : Exception
{
    public HolidayDataException(IReadOnlyList<string> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    public HolidayDataException(string error, Exception? innerException = null)
        : base(BuildMessage([error]), innerException)
    {
        Errors = [error];
    }

    public IReadOnlyList<string> Errors { get; }

    private static string BuildMessage(IReadOnlyList<string> errors) =>
        errors.Count == 1
            ? $"Invalid statutory holiday data: {errors[0]}"
            : $"Invalid statutory holiday data ({errors.Count} problems):{Environment.NewLine}- "
              + string.Join(Environment.NewLine + "- ", errors);
}
