import type { StudyDocument, StudyList } from '../../data/schema';
import { hostOf, isWebUrl } from '../format';
import { listProgress, percent } from '../progress';
import { ProgressBar } from './ProgressBar';
import { ResourceCard, type ResourceActions } from './ResourceCard';

interface Props extends ResourceActions {
  list: StudyList;
  document: StudyDocument;
}

export function ListView({ list, document, ...actions }: Props) {
  const { done, total } = listProgress(document.progress, list);
  return (
    <article className="list-view" aria-labelledby="list-title">
      <header className="list-header">
        <h1 id="list-title" className="list-title">
          {list.title}
        </h1>
        <p className="list-byline">
          {list.author && <span>by {list.author}</span>}
          {isWebUrl(list.source) && (
            <span className="list-source" title={list.source}>
              {hostOf(list.source)}
            </span>
          )}
        </p>
        {list.description && <p className="list-description">{list.description}</p>}
        <div className="list-progress">
          <ProgressBar done={done} total={total} label="List progress" size="large" />
          <p className="list-progress-text">
            <strong>
              {done} of {total}
            </strong>{' '}
            resources done · {percent(done, total)}%
          </p>
        </div>
      </header>
      <ol className="resources">
        {list.resources.map((resource, index) => (
          <ResourceCard
            key={resource.id}
            listId={list.id}
            resource={resource}
            position={index + 1}
            progress={document.progress}
            note={document.notes[`${list.id}/${resource.id}`]}
            {...actions}
          />
        ))}
      </ol>
    </article>
  );
}
