// GraphiQL against this server's /graphql, everything served from here (no CDN). A token signed in to
// the console (sessionStorage) is sent along, so GraphiQL sees what the console's user may see.
(function () {
  var token = sessionStorage.getItem('chengxin.token');
  var fetcher = GraphiQL.createFetcher({
    url: new URL('/graphql', location.href).toString(),
    headers: token ? { authorization: 'Bearer ' + token } : {},
  });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      defaultQuery: '# Chengxin GraphQL. Without a token you read what the public may read.\n{\n  ruleSet {\n    version\n    matters { code title { zh en } }\n  }\n}\n',
    }),
  );
})();
