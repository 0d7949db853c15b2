// GraphiQL against this server's /graphql, everything served from here (no CDN). A token signed in to
// the console (sessionStorage) is sent along, so GraphiQL sees what the console's user may see.
(function () {
  var PREFIX = 'graphiql:';
  function ownKeys(store) {
    var keys = [];
    for (var i = 0; i < store.length; i++) {
      var key = store.key(i);
      if (key && key.indexOf(PREFIX) === 0) keys.push(key);
    }
    return keys;
  }
  // GraphiQL keeps its editors, tabs and last responses — personal data a signed-in user read — in
  // localStorage unless told otherwise, where they outlive signing out and greet the next user of a
  // shared computer. They go in this tab's sessionStorage instead (gone with the tab; the console
  // forgets them on sign-out, console/src/session.ts), and what an earlier version left is wiped.
  ownKeys(localStorage).forEach(function (key) {
    localStorage.removeItem(key);
  });
  var storage = {
    getItem: function (key) {
      return sessionStorage.getItem(key);
    },
    setItem: function (key, value) {
      sessionStorage.setItem(key, value);
    },
    removeItem: function (key) {
      sessionStorage.removeItem(key);
    },
    // GraphiQL's "clear storage" clears its own keys only, never the console's token.
    clear: function () {
      ownKeys(sessionStorage).forEach(function (key) {
        sessionStorage.removeItem(key);
      });
    },
    get length() {
      return ownKeys(sessionStorage).length;
    },
  };
  var token = sessionStorage.getItem('chengxin.token');
  var fetcher = GraphiQL.createFetcher({
    url: new URL('/graphql', location.href).toString(),
    headers: token ? { authorization: 'Bearer ' + token } : {},
  });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      storage: storage,
      defaultEditorToolsVisibility: true,
      defaultQuery: '# Chengxin GraphQL. Without a token you read what the public may read.\n{\n  ruleSet {\n    version\n    matters { code title { zh en } }\n  }\n}\n',
    }),
  );
})();
