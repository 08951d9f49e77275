/** Name of the DLQ topic of an input topic: `<topic>.dlq`. */
export function dlqTopicName(topic: string): string {
  return `${topic}.dlq`;
}

/** Registry subject of a topic's value under TopicNameStrategy: `<topic>-value`. */
export function valueSubjectName(topic: string): string {
  return `${topic}-value`;
}
