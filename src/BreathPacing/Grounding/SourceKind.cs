namespace BreathPacing.Grounding;

/// <summary>What kind of work a <see cref="SourceReference"/> points to.</summary>
public enum SourceKind
{
    /// <summary>A study, cited by its authors and year as the source article cites it.</summary>
    Study = 0,

    /// <summary>A web article, with its title, site, address and publication date.</summary>
    Article = 1,
}
