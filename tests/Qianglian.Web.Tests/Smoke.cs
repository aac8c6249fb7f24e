public class WebSmoke { [Fact] public void Runs() => Assert.True(true); }
