using System;
using System.Linq;
using MediaRules.Analysis;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Analysis;

/// <summary>
/// The order of a result's diagnostics is a function of the diagnostics alone, so that a whole analysis, stretches and
/// a session, which gather the same findings in different orders, give the same list. Name-consistency can report one
/// span twice (one finding per other spelling): the message decides between them.
/// </summary>
public class DiagnosticOrderTests
{
    // A session found this text's two findings per name span in the other order (FsCheck seed of
    // IncrementalEqualsFullProperties.Several_changes_at_once_and_whole_new_texts_give_the_full_analysis).
    private const string Text = "Sources said the talks had failed.\nSourceAntony Blinken met Tony Blinken's aides.\n"
        + "Antony Blinken met Tony Blinken's aides.\n";

    [Fact]
    public void Any_gathering_order_sorts_to_the_same_list()
    {
        var diagnostics = TestSupport.Default.Analyze(SourceText.From(Text)).Diagnostics.ToList();
        Assert.Contains(diagnostics, d => diagnostics.Count(e => e.Id == d.Id && e.Location.SourceSpan == d.Location.SourceSpan) > 1);

        var random = new Random(2026);
        for (var i = 0; i < 20; i++)
        {
            var shuffled = diagnostics.OrderBy(_ => random.Next()).ToList();
            shuffled.Sort(Linter.CompareDiagnostics);
            Assert.Equal(diagnostics, shuffled);
        }
    }
}
