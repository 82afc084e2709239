using System.Linq;
using MediaRules.Documents;
using Xunit;

namespace MediaRules.Tests.Documents;

/// <summary>Voice spans and the attribution of sentences.</summary>
public class VoiceAndAttributionTests
{
    [Theory]
    [InlineData("Halevi argued that a ground invasion would cause fewer casualties.", "invasion", "Halevi")]
    [InlineData("Netanyahu reaffirmed the commitment to eliminating the resistance.", "resistance", "Netanyahu")]
    [InlineData("According to the ministry, the toll has surpassed 18,000.", "toll", "the ministry")]
    [InlineData("The toll, according to the Ministry of Health, has surpassed 18,000.", "surpassed", "the Ministry of Health")]
    [InlineData("The talks have stalled, officials in Cairo said.", "stalled", null)]
    [InlineData("The talks have stalled, Netanyahu said on Monday.", "stalled", "Netanyahu")]
    [InlineData("The talks have stalled, according to Reuters.", "stalled", "Reuters")]
    [InlineData("Gallant said the talks would resume.", "resume", "Gallant")]
    public void Indirect_speech(string text, string word, string? source)
    {
        var model = DocumentTestSupport.Build(text);
        var voice = model.GetVoiceSpan(model.Find(word));
        if (source is null)
        {
            Assert.Equal(Voice.Narrative, voice.Voice);
            return;
        }

        Assert.Equal(Voice.IndirectSpeech, voice.Voice);
        Assert.Equal(source, model.TextOf(voice.SourceSpan));
        Assert.Equal(-1, voice.QuotationIndex);
    }

    [Fact]
    public void Indirect_speech_runs_to_the_next_source()
    {
        var model = DocumentTestSupport.Build("Gallant told Blinken that the war goes on, but Blinken replied that time is short.");
        Assert.Equal("Gallant", model.TextOf(model.GetVoiceSpan(model.Find("war")).SourceSpan));
        Assert.Equal("Blinken", model.TextOf(model.GetVoiceSpan(model.Find("short")).SourceSpan));
    }

    [Fact]
    public void Narrative_and_vague_sources_are_narrative()
    {
        var model = DocumentTestSupport.Build("The resistance fought on. Some reports suggest that the resistance is intact.");
        Assert.Equal(Voice.Narrative, model.GetVoice(model.Find("resistance")));
        Assert.Equal(Voice.Narrative, model.GetVoice(model.Find("resistance", 2)));
    }

    [Fact]
    public void Quote_content_is_direct_quote_and_marks_are_not()
    {
        var model = DocumentTestSupport.Build("Mood: “calm and fine” here.");
        var open = model.Find("“");
        Assert.Equal(Voice.Narrative, model.GetVoice(open));
        Assert.Equal(Voice.DirectQuote, model.GetVoice(open + 1));
        Assert.Equal(Voice.Narrative, model.GetVoice(model.Find("”")));
    }

    [Fact]
    public void Nested_quote_content_points_at_the_innermost_quotation()
    {
        var model = DocumentTestSupport.Build("He said: “They call it ‘a plan’ today.”");
        Assert.Equal(1, model.GetVoiceSpan(model.Find("plan")).QuotationIndex);
        Assert.Equal(0, model.GetVoiceSpan(model.Find("today")).QuotationIndex);
    }

    [Fact]
    public void Voice_spans_cover_each_paragraph_in_order()
    {
        var model = DocumentTestSupport.Build("Title\n\nHalevi argued that “war” is near, the army said.\nQuiet.");
        var spans = model.VoiceSpans;
        for (var i = 1; i < spans.Count; i++)
        {
            Assert.True(spans[i - 1].Span.End <= spans[i].Span.Start);
        }

        foreach (var paragraph in model.Paragraphs)
        {
            var covering = spans.Where(s => paragraph.Span.Contains(s.Span)).ToList();
            Assert.Equal(paragraph.Span.Start, covering[0].Span.Start);
            Assert.Equal(paragraph.Span.End, covering[^1].Span.End);
            Assert.Equal(paragraph.Span.Length, covering.Sum(s => s.Span.Length));
        }
    }

    [Theory]
    [InlineData("Sources with direct knowledge of the discussions told Axios on Thursday.", SourceKind.Anonymous, "Sources with direct knowledge of the discussions", "told")]
    [InlineData("Officials speaking on condition of anonymity said the plan is ready.", SourceKind.Anonymous, "Officials speaking on condition of anonymity", "on condition of anonymity")]
    [InlineData("A senior official who asked not to be named said the plan is ready.", SourceKind.Anonymous, "A senior official who asked not to be named", "asked not to be named")]
    [InlineData("The plan is ready, people familiar with the matter said.", SourceKind.Anonymous, "people familiar with the matter", "said")]
    [InlineData("The minister reportedly resigned.", SourceKind.Vague, null, "reportedly")]
    [InlineData("Some reports suggest the minister resigned.", SourceKind.Vague, "Some reports", "Some reports suggest")]
    [InlineData("Multiple reports say the minister resigned.", SourceKind.Vague, "Multiple reports", "Multiple reports")]
    [InlineData("Sources indicate the minister resigned.", SourceKind.Vague, "Sources", "Sources indicate")]
    [InlineData("According to reports, the minister resigned.", SourceKind.Vague, "reports", "According to reports")]
    [InlineData("It is believed the minister resigned.", SourceKind.Vague, null, "It is believed")]
    [InlineData("The minister is thought to have resigned.", SourceKind.Vague, null, "is thought to")]
    [InlineData("Critics say the minister resigned.", SourceKind.Vague, "Critics", "Critics say")]
    [InlineData("Experts argued that the minister resigned.", SourceKind.Vague, "Experts", "argued")]
    [InlineData("Many people believe the minister resigned.", SourceKind.Vague, "Many people", "Many people believe")]
    [InlineData("The minister resigned, as reported by Qatar, which mediates.", SourceKind.Named, "Qatar", "reported by")]
    [InlineData("According to the indictment, the commander allegedly ordered the strike.", SourceKind.Named, "the indictment", "According to")]
    [InlineData("Everything went according to plan.", SourceKind.None, null, null)]
    [InlineData("The Foreign Ministry stated that the truce holds.", SourceKind.Named, "The Foreign Ministry", "stated")]
    [InlineData("“The truce holds,” Netanyahu said.", SourceKind.Named, "Netanyahu", "said")]
    [InlineData("The truce was announced moments before it expired.", SourceKind.None, null, null)]
    [InlineData("As the conflict continues, the toll rises.", SourceKind.None, null, null)]
    [InlineData("The minister resigned.", SourceKind.None, null, null)]
    public void Attribution_of_a_sentence(string text, SourceKind kind, string? source, string? cue)
    {
        var model = DocumentTestSupport.Build(text);
        var attribution = model.Sentences[0].Attribution;
        Assert.Equal(kind, attribution.Kind);
        Assert.Equal(source, model.TextOf(attribution.SourceSpan));
        Assert.Equal(cue, model.TextOf(attribution.CueSpan));
    }

    [Theory]
    [InlineData("Officials speaking on condition of anonymity said Netanyahu agreed, according to Reuters.", SourceKind.Named)]
    [InlineData("The minister reportedly resigned, sources familiar with the talks said.", SourceKind.Anonymous)]
    [InlineData("The minister reportedly resigned, it is believed.", SourceKind.Vague)]
    public void Named_beats_anonymous_beats_vague(string text, SourceKind kind) =>
        Assert.Equal(kind, DocumentTestSupport.Build(text).Sentences[0].Attribution.Kind);

    [Fact]
    public void A_cue_inside_a_quote_does_not_attribute_the_sentence()
    {
        var model = DocumentTestSupport.Build("The mood was “as critics say, grim” that week.");
        Assert.Equal(SourceKind.None, model.Sentences[0].Attribution.Kind);
    }
}
