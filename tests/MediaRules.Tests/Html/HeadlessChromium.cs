using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Xunit;

namespace MediaRules.Tests.Html;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>) driven headless through Debian's <c>/usr/bin/chromedriver</c>
/// (packages <c>chromium</c> and <c>chromium-driver</c>, which <c>.ci/run</c> installs). Where they are missing the test
/// fails with the reason under CI (<c>CI</c> set) or when the browser is there without its driver, and is skipped with
/// the reason otherwise: it never passes without having run.
/// </summary>
internal static class HeadlessChromium
{
    public const string BrowserPath = "/usr/bin/chromium";

    public const string DriverPath = "/usr/bin/chromedriver";

    /// <summary>Starts the browser, or fails or skips the calling test (see the class summary).</summary>
    public static ChromeDriver Start()
    {
        var hasBrowser = File.Exists(BrowserPath);
        var hasDriver = File.Exists(DriverPath);
        if (!hasBrowser || !hasDriver)
        {
            var missing = string.Join(" and ", new[] { hasBrowser ? null : BrowserPath, hasDriver ? null : DriverPath }.Where(p => p is not null));
            var reason = $"{missing} not found: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does)";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                Assert.Fail($"The browser test cannot run under CI: {reason}.");
            }

            if (hasBrowser)
            {
                Assert.Fail($"Chromium is installed but its driver is not: {reason}.");
            }

            Skip.If(true, $"Skipped: no browser on this machine; {reason}.");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000", "--force-device-scale-factor=1");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        return new ChromeDriver(service, options, TimeSpan.FromMinutes(2));
    }

    /// <summary>The browser console's entries of level SEVERE since the last call (script errors, blocked loads, CSP violations).</summary>
    public static List<string> SevereLogEntries(IWebDriver driver) =>
        driver.Manage().Logs.GetLog(LogType.Browser)
            .Where(e => e.Level >= LogLevel.Severe)
            .Select(e => e.Message)
            .ToList();

    /// <summary>Saves a screenshot of the whole page (the window is made as tall as the page first, up to 16,000 px).</summary>
    public static string SaveFullPageScreenshot(ChromeDriver driver, string fileName)
    {
        var height = Convert.ToInt32(driver.ExecuteScript("return Math.ceil(document.documentElement.scrollHeight);"), System.Globalization.CultureInfo.InvariantCulture);
        driver.Manage().Window.Size = new System.Drawing.Size(1280, Math.Clamp(height + 40, 600, 16_000));
        var path = Path.Combine(AppContext.BaseDirectory, fileName);
        driver.GetScreenshot().SaveAsFile(path);
        return path;
    }
}
