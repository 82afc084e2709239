using MediaRules.Cli.Lsp;
using Xunit;

namespace MediaRules.Tests.Lsp;

/// <summary>
/// A rule pack saved while the server reads its rules must not be taken as read: the fingerprint kept after reading
/// is the earlier one when a file both list changed in between, so the next check reads again.
/// </summary>
public class LspRulesFingerprintTests
{
    [Fact]
    public void A_file_changed_while_reading_keeps_the_earlier_stamp()
    {
        var before = ("dir -> /c.yaml\n/c.yaml|10|1\n", "/p.yaml|5|1\n");
        var after = ("dir -> /c.yaml\n/c.yaml|10|1\n", "/p.yaml|7|2\n");
        Assert.Equal(("dir -> /c.yaml\n/c.yaml|10|1\n", "/p.yaml|5|1\n"), LspRules.Settle(before, after));
    }

    [Fact]
    public void Files_first_read_while_reading_are_taken_from_the_later_stamp()
    {
        var before = ("", "/p.yaml|5|1\n");
        var after = ("other -> /d/.mediarules.yaml\n/d/.mediarules.yaml|3|4\n", "/p.yaml|5|1\n/q.yaml|9|9\n");
        Assert.Equal(after, LspRules.Settle(before, after));
    }

    [Fact]
    public void A_configuration_changed_while_reading_keeps_the_earlier_stamp_and_packs_settle_apart()
    {
        var before = ("/c.yaml|10|1\n", "/p.yaml|5|1\n");
        var after = ("/c.yaml|11|2\n", "/p.yaml|5|1\n/q.yaml|1|1\n");
        Assert.Equal(("/c.yaml|10|1\n", "/p.yaml|5|1\n/q.yaml|1|1\n"), LspRules.Settle(before, after));
    }
}
